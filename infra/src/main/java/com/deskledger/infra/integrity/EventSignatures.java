package com.deskledger.infra.integrity;

import com.deskledger.infra.keys.KeyRing;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The application's signature on each appended event: HMAC-SHA256, with a key from {@link KeyRing} that the
 * database never holds, over the event's global index, aggregate, sequence number and chain hash. Whoever can insert
 * into the event table without the key gets a chain link from the trigger but no valid signature; a superuser who
 * rewrites an event and recomputes the chain changes the hash the signature covers.
 */
@Component
public class EventSignatures {

    /** Separates these MACs from any other use of the same key. */
    static final String DOMAIN = "deskledger-event-v1";

    private static final String INSERT = """
            insert into event_signature (globalindex, aggregateidentifier, sequencenumber, key_id, mac)
            select g, a, s, ?, m from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::bytea[]) as t(g, a, s, m)""";

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(KeyRing.MAC_ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** An event as the database stored it: what its signature covers. */
    record Appended(long globalIndex, String aggregateId, long sequence, byte[] hash) {
    }

    /** What a stored signature says of its event. */
    enum Check {
        VALID, UNSIGNED, UNKNOWN_KEY, INVALID
    }

    private final KeyRing keys;

    EventSignatures(KeyRing keys) {
        this.keys = keys;
    }

    /** Signs the events just appended, in one statement on the appending transaction's own connection. */
    void sign(Connection connection, List<Appended> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        KeyRing.MacKey key = keys.activeEventMacKey();
        Long[] indexes = new Long[events.size()];
        String[] aggregates = new String[events.size()];
        Long[] sequences = new Long[events.size()];
        byte[][] macs = new byte[events.size()][];
        for (int i = 0; i < events.size(); i++) {
            Appended event = events.get(i);
            indexes[i] = event.globalIndex();
            aggregates[i] = event.aggregateId();
            sequences[i] = event.sequence();
            macs[i] = mac(key.key(), event.globalIndex(), event.aggregateId(), event.sequence(), event.hash());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, key.id());
            insert.setArray(2, connection.createArrayOf("bigint", indexes));
            insert.setArray(3, connection.createArrayOf("varchar", aggregates));
            insert.setArray(4, connection.createArrayOf("bigint", sequences));
            insert.setArray(5, connection.createArrayOf("bytea", macs));
            insert.executeUpdate();
        }
    }

    /** Checks a stored signature (key id and MAC, both null when there is none) against the stored event. */
    Check check(String keyId, byte[] mac, long globalIndex, String aggregateId, long sequence, byte[] hash) {
        if (keyId == null || mac == null) {
            return Check.UNSIGNED;
        }
        Optional<KeyRing.MacKey> key = keys.eventMacKey(keyId);
        if (key.isEmpty()) {
            return Check.UNKNOWN_KEY;
        }
        return MessageDigest.isEqual(mac, mac(key.get().key(), globalIndex, aggregateId, sequence, hash))
                ? Check.VALID : Check.INVALID;
    }

    static byte[] mac(SecretKeySpec key, long globalIndex, String aggregateId, long sequence, byte[] hash) {
        Mac mac = MACS.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the event MAC key", e);
        }
        Encoding.field(mac::update, Encoding.utf8(DOMAIN));
        Encoding.number(mac::update, globalIndex);
        Encoding.field(mac::update, Encoding.utf8(aggregateId));
        Encoding.number(mac::update, sequence);
        Encoding.field(mac::update, hash);
        return mac.doFinal();
    }
}
