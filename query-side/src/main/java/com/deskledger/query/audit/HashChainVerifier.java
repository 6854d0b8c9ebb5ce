package com.deskledger.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes the per-aggregate hash chains of the event store in Java, independently of the database function
 * that wrote them, and reports the first broken link: a changed event, a missing one, or a missing hash.
 */
@Component
class HashChainVerifier {

    private static final int FETCH_SIZE = 2_000;
    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
            + "payloadtype, payloadrevision, timestamp, payload, metadata, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    HashChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** A broken link: where, and what the stored hash should have been. */
    record BrokenLink(long globalIndex, String aggregateId, long sequence, String problem, String expectedHash,
                      String storedHash) {
    }

    /** The verdict: how much was checked and the first broken link, if any. */
    record Verdict(boolean intact, long eventsChecked, long aggregatesChecked, Long fromGlobalIndex,
                   Long toGlobalIndex, String aggregateId, BrokenLink firstBroken) {
    }

    /**
     * Verifies every chain, or one aggregate's, or the links of events whose global index lies in [from, to]
     * (each anchored on the stored hash of its aggregate's previous event).
     */
    Verdict verify(String aggregateId, Long from, Long to) {
        return readOnly.execute(status -> {
            Walker walker = new Walker();
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select " + COLUMNS + " from domainevententry");
            if (aggregateId != null) {
                sql.append(" where aggregateidentifier = ?");
                args.add(aggregateId);
            } else if (from != null || to != null) {
                sql.append(" where globalindex between ? and ?");
                args.add(from == null ? 0 : from);
                args.add(to == null ? Long.MAX_VALUE : to);
                walker.anchored = true;
            }
            sql.append(" order by aggregateidentifier, sequencenumber");
            jdbc.query(con -> {
                var statement = con.prepareStatement(sql.toString());
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                return statement;
            }, walker);
            return new Verdict(walker.broken == null, walker.events, walker.aggregates, from, to, aggregateId,
                    walker.broken);
        });
    }

    /** Walks rows in (aggregate, sequence) order, carrying the previous hash of the current aggregate. */
    private final class Walker implements RowCallbackHandler {

        boolean anchored;
        long events;
        long aggregates;
        BrokenLink broken;
        private String aggregate;
        private long expectedSequence;
        private byte[] previous;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            String id = rs.getString("aggregateidentifier");
            long sequence = rs.getLong("sequencenumber");
            long globalIndex = rs.getLong("globalindex");
            if (!id.equals(aggregate)) {
                aggregate = id;
                aggregates++;
                expectedSequence = anchored ? sequence : 0;
                previous = sequence > 0 && anchored ? storedHash(id, sequence - 1) : null;
            }
            events++;
            if (sequence != expectedSequence) {
                broken = new BrokenLink(globalIndex, id, sequence, "event " + expectedSequence + " is missing",
                        null, null);
                return;
            }
            byte[] stored = rs.getBytes("hash");
            byte[] expected = hash(previous, id, sequence, rs.getString("type"), rs.getString("eventidentifier"),
                    rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getString("timestamp"),
                    rs.getBytes("payload"), rs.getBytes("metadata"));
            if (stored == null || !Arrays.equals(stored, expected)) {
                broken = new BrokenLink(globalIndex, id, sequence,
                        stored == null ? "the event has no hash" : "the event differs from what was appended",
                        hex(expected), hex(stored));
                return;
            }
            previous = stored;
            expectedSequence = sequence + 1;
        }
    }

    private byte[] storedHash(String aggregateId, long sequence) {
        List<byte[]> found = jdbc.query("""
                select hash from domainevententry where aggregateidentifier = ? and sequencenumber = ?""",
                (rs, n) -> rs.getBytes(1), aggregateId, sequence);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The same encoding as the database function {@code deskledger_event_hash} (migration V40). */
    static byte[] hash(byte[] previous, String aggregateId, long sequence, String type, String eventId,
                       String payloadType, String payloadRevision, String timestamp, byte[] payload,
                       byte[] metadata) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, previous);
            field(sha, utf8(aggregateId));
            field(sha, utf8(Long.toString(sequence)));
            field(sha, utf8(type));
            field(sha, utf8(eventId));
            field(sha, utf8(payloadType));
            field(sha, utf8(payloadRevision));
            field(sha, utf8(timestamp));
            field(sha, payload);
            field(sha, metadata);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] value) {
        return value == null ? null : HexFormat.of().formatHex(value);
    }
}
