package com.deskledger.infra.integrity;

import java.util.List;

/**
 * The application's keys as an auditor may see them: the checkpoint keys' public halves (to check receipts without
 * the application) and the ids of the event MAC keys (their secrets never leave the key directory).
 */
public record AuditKeys(List<PublicKeyEntry> checkpointKeys, List<KeyId> eventMacKeys) {

    /** A checkpoint key: id, algorithm, PEM of the public key, and whether it signs new checkpoints. */
    public record PublicKeyEntry(String keyId, String algorithm, String publicKey, boolean active) {
    }

    /** An event MAC key: id, algorithm, and whether it signs new events. */
    public record KeyId(String keyId, String algorithm, boolean active) {
    }
}
