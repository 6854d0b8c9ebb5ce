package com.deskledger.infra.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed checkpoint of the whole store. The signature (Ed25519) covers {@link #signedText()}, a few lines of
 * text anyone can rebuild from a receipt's fields and check with the public key alone.
 */
record Checkpoint(long id, long highestGlobalIndex, long eventCount, long aggregateCount, byte[] merkleRoot,
                  Instant createdAt, String keyId, byte[] signature) {

    static final String FORMAT = "deskledger-checkpoint-v1";

    /** The exact bytes the signature is over (UTF-8; every line ends with a line feed). */
    byte[] signedText() {
        return signedText(id, highestGlobalIndex, eventCount, aggregateCount, merkleRoot, createdAt, keyId);
    }

    static byte[] signedText(long id, long highestGlobalIndex, long eventCount, long aggregateCount,
                             byte[] merkleRoot, Instant createdAt, String keyId) {
        return (FORMAT + "\n"
                + "checkpoint: " + id + "\n"
                + "highestGlobalIndex: " + highestGlobalIndex + "\n"
                + "eventCount: " + eventCount + "\n"
                + "aggregateCount: " + aggregateCount + "\n"
                + "merkleRoot: " + Encoding.hex(merkleRoot) + "\n"
                + "createdAt: " + createdAt + "\n"
                + "keyId: " + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + id + " at " + highestGlobalIndex + "]";
    }
}
