package com.deskledger.infra.integrity;

import java.security.MessageDigest;

/**
 * The link of an event in its aggregate's hash chain, computed in Java with the same encoding as the database
 * function {@code deskledger_event_hash} (migration V40), so that verification never relies on the database's own
 * function.
 */
final class ChainHash {

    private ChainHash() {
    }

    static byte[] of(byte[] previous, String aggregateId, long sequence, String type, String eventId,
                     String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {
        MessageDigest sha = Encoding.sha256();
        Encoding.field(sha::update, previous);
        Encoding.field(sha::update, Encoding.utf8(aggregateId));
        Encoding.field(sha::update, Encoding.utf8(Long.toString(sequence)));
        Encoding.field(sha::update, Encoding.utf8(type));
        Encoding.field(sha::update, Encoding.utf8(eventId));
        Encoding.field(sha::update, Encoding.utf8(payloadType));
        Encoding.field(sha::update, Encoding.utf8(payloadRevision));
        Encoding.field(sha::update, Encoding.utf8(timestamp));
        Encoding.field(sha::update, payload);
        Encoding.field(sha::update, metadata);
        return sha.digest();
    }
}
