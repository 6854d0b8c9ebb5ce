package com.deskledger.infra.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Verifies the event store in Java, independently of the database's functions: every aggregate's hash chain
 * (recomputed from the events' content), the application's signature on every event, signatures whose event is gone,
 * and, given a checkpoint, that the store up to the checkpoint's index is still what the checkpoint signed. Reports
 * the problem with the lowest global index first.
 */
@Component
class StoreVerifier {

    private static final int FETCH_SIZE = 2_000;
    private static final Comparator<Problem> EARLIER = Comparator.comparing(Problem::globalIndex,
            Comparator.nullsLast(Comparator.naturalOrder()));
    private static final int MAX_DIFFERENCES = 50;
    private static final String COLUMNS = "e.globalindex, e.aggregateidentifier, e.sequencenumber, e.type,"
            + " e.eventidentifier, e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata, e.hash,"
            + " s.key_id, s.mac";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final EventSignatures signatures;
    private final Checkpoints checkpoints;

    StoreVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSignatures signatures,
                  Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.signatures = signatures;
        this.checkpoints = checkpoints;
    }

    /**
     * A problem found at one event: where, what, and for a broken chain link what the stored hash should have been.
     * A removed event has no global index when nothing of it is left but its place in a checkpoint.
     */
    record Problem(Long globalIndex, String aggregateId, Long sequence, String problem, String expectedHash,
                   String storedHash) {
    }

    /** An aggregate whose events up to a checkpoint's index are not what the checkpoint signed. */
    record Difference(String aggregateId, String problem, long eventsAtCheckpoint, long eventsFound,
                      Long sequence, Long globalIndex) {
    }

    /** The store compared with a checkpoint. */
    record CheckpointCheck(long checkpoint, String source, String keyId, boolean signatureValid,
                           long highestGlobalIndex, boolean matches, long eventCount, long eventCountFound,
                           long aggregateCount, long aggregateCountFound, String merkleRoot,
                           String merkleRootFound, List<Difference> differences, String note) {
    }

    /**
     * The verdict: intact when no chain, signature or checkpoint problem was found; how much was checked; how many
     * events each key signed; the first problem (lowest global index; a checkpoint difference when there is no
     * other) and how many were found; the checkpoint compared, if any.
     */
    record Verdict(boolean intact, long eventsChecked, long aggregatesChecked, Long fromGlobalIndex,
                   Long toGlobalIndex, String aggregateId, Map<String, Long> signedBy, long problems,
                   Problem firstBroken, CheckpointCheck checkpoint) {
    }

    /**
     * Verifies every chain, or one aggregate's, or the events whose global index lies in [from, to] (each anchored
     * on the stored hash of its aggregate's previous event). A checkpoint is compared only for the whole store.
     */
    Verdict verify(String aggregateId, Long from, Long to, Checkpoint checkpoint, String source) {
        boolean whole = aggregateId == null && from == null && to == null;
        Checkpoint compared = whole ? checkpoint : null;
        return readOnly.execute(status -> {
            boolean signatureValid = compared != null && checkpoints.signatureValid(compared);
            Walker walker = new Walker(signatureValid ? compared.highestGlobalIndex() : null);
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select " + COLUMNS
                    + " from domainevententry e left join event_signature s on s.globalindex = e.globalindex");
            StringBuilder orphans = new StringBuilder("""
                    select s.globalindex, s.aggregateidentifier, s.sequencenumber, count(*) over () from event_signature s
                    where not exists (select 1 from domainevententry e where e.globalindex = s.globalindex)""");
            if (aggregateId != null) {
                sql.append(" where e.aggregateidentifier = ?");
                orphans.append(" and s.aggregateidentifier = ?");
                args.add(aggregateId);
            } else if (!whole) {
                sql.append(" where e.globalindex between ? and ?");
                orphans.append(" and s.globalindex between ? and ?");
                args.add(from == null ? 0 : from);
                args.add(to == null ? Long.MAX_VALUE : to);
                walker.anchored = true;
            }
            sql.append(" order by e.aggregateidentifier, e.sequencenumber");
            orphans.append(" order by s.globalindex limit 1");
            jdbc.query(con -> {
                var statement = con.prepareStatement(sql.toString());
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                return statement;
            }, walker);
            walker.finish();
            jdbc.query(orphans.toString(), rs -> {
                walker.problems += rs.getLong(4) - 1;
                walker.report(new Problem(rs.getLong(1), rs.getString(2), rs.getLong(3), "the event the application"
                        + " appended and signed here is gone (deleted)", null, null));
            }, args.toArray());

            CheckpointCheck check = compared == null ? null : compare(compared, source, signatureValid, walker);
            Problem first = walker.first;
            if (first == null && check != null && !check.differences().isEmpty()) {
                Difference difference = check.differences().get(0);
                first = new Problem(difference.globalIndex(), difference.aggregateId(), difference.sequence(),
                        difference.problem(), null, null);
            }
            boolean intact = walker.problems == 0 && (check == null || check.matches());
            return new Verdict(intact, walker.events, walker.aggregates, from, to, aggregateId, walker.signedBy,
                    walker.problems, first, check);
        });
    }

    private CheckpointCheck compare(Checkpoint checkpoint, String source, boolean signatureValid, Walker walker) {
        if (!signatureValid) {
            return new CheckpointCheck(checkpoint.id(), source, checkpoint.keyId(), false,
                    checkpoint.highestGlobalIndex(), false, checkpoint.eventCount(), 0, checkpoint.aggregateCount(),
                    0, Encoding.hex(checkpoint.merkleRoot()), null, List.of(), "the checkpoint's signature does not"
                    + " verify with the application's checkpoint key " + checkpoint.keyId());
        }
        byte[] root = Merkle.root(walker.leaves);
        long events = walker.leaves.values().stream().mapToLong(Merkle.Leaf::length).sum();
        boolean matches = Arrays.equals(root, checkpoint.merkleRoot()) && events == checkpoint.eventCount()
                && walker.leaves.size() == checkpoint.aggregateCount();
        List<Difference> differences = List.of();
        String note = null;
        if (!matches) {
            Optional<SortedMap<String, Merkle.Leaf>> signed = checkpoints.trustedLeaves(checkpoint);
            if (signed.isPresent()) {
                differences = differences(signed.get(), walker);
            } else {
                note = "the database holds no leaves of this checkpoint that reproduce its signed root (they were"
                        + " changed, or the checkpoint comes from another store): the aggregates that differ cannot"
                        + " be named";
            }
        }
        return new CheckpointCheck(checkpoint.id(), source, checkpoint.keyId(), true, checkpoint.highestGlobalIndex(),
                matches, checkpoint.eventCount(), events, checkpoint.aggregateCount(), walker.leaves.size(),
                Encoding.hex(checkpoint.merkleRoot()), Encoding.hex(root), differences, note);
    }

    private List<Difference> differences(SortedMap<String, Merkle.Leaf> signed, Walker walker) {
        List<Difference> differences = new ArrayList<>();
        TreeMap<String, Merkle.Leaf> all = new TreeMap<>(Merkle.ORDER);
        all.putAll(signed);
        walker.leaves.forEach(all::putIfAbsent);
        for (String aggregate : all.keySet()) {
            Merkle.Leaf then = signed.get(aggregate);
            Merkle.Leaf now = walker.leaves.get(aggregate);
            if (then != null && then.sameAs(now)) {
                continue;
            }
            long before = then == null ? 0 : then.length();
            long found = now == null ? 0 : now.length();
            Difference difference;
            if (found < before) {
                difference = new Difference(aggregate, "events " + found + " to " + (before - 1) + " of this aggregate,"
                        + " there at the checkpoint, are gone", before, found, found, null);
            } else if (found > before) {
                difference = new Difference(aggregate, (found - before) + " event(s) at or below the checkpoint's"
                        + " index were inserted behind it", before, found, before, globalIndexOf(aggregate, before));
            } else {
                Problem problem = walker.firstProblemOf.get(aggregate);
                difference = new Difference(aggregate, "an event of this aggregate was changed after the checkpoint",
                        before, found, problem == null ? null : problem.sequence(),
                        problem == null ? null : problem.globalIndex());
            }
            differences.add(difference);
        }
        differences.sort(Comparator.comparing(Difference::globalIndex, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Difference::aggregateId, Merkle.ORDER));
        return differences.size() > MAX_DIFFERENCES ? differences.subList(0, MAX_DIFFERENCES) : differences;
    }

    private Long globalIndexOf(String aggregateId, long sequence) {
        return jdbc.query("select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber"
                + " = ?", (rs, n) -> rs.getLong(1), aggregateId, sequence).stream().findFirst().orElse(null);
    }

    /**
     * Walks the rows in (aggregate, sequence) order. Per aggregate it checks the stored chain until its first break,
     * and recomputes the chain from the content throughout: the recomputed hash of the last event at or below the
     * checkpoint's index is the aggregate's leaf, so the comparison depends on the content, not on stored hashes.
     */
    private final class Walker implements RowCallbackHandler {

        private final Long upTo;
        final SortedMap<String, Merkle.Leaf> leaves = Merkle.leaves();
        final Map<String, Problem> firstProblemOf = new HashMap<>();
        final Map<String, Long> signedBy = new TreeMap<>();
        boolean anchored;
        long events;
        long aggregates;
        long problems;
        Problem first;
        private String aggregate;
        private long expectedSequence;
        private boolean chainBroken;
        private byte[] previous;
        private long length;
        private byte[] head;

        Walker(Long upTo) {
            this.upTo = upTo;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String id = rs.getString("aggregateidentifier");
            long sequence = rs.getLong("sequencenumber");
            long globalIndex = rs.getLong("globalindex");
            if (!id.equals(aggregate)) {
                finish();
                aggregate = id;
                aggregates++;
                expectedSequence = anchored ? sequence : 0;
                previous = sequence > 0 && anchored ? storedHash(id, sequence - 1) : null;
                chainBroken = false;
                length = 0;
                head = null;
            }
            events++;
            if (!chainBroken && sequence != expectedSequence) {
                chainBroken = true;
                report(new Problem(globalIndex, id, sequence, "event " + expectedSequence + " is missing", null,
                        null));
            }
            byte[] stored = rs.getBytes("hash");
            byte[] recomputed = ChainHash.of(previous, id, sequence, rs.getString("type"),
                    rs.getString("eventidentifier"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                    rs.getString("timestamp"), rs.getBytes("payload"), rs.getBytes("metadata"));
            // until the first break, previous is the stored hash of the event before, so this is the chain check
            if (!chainBroken && (stored == null || !Arrays.equals(stored, recomputed))) {
                chainBroken = true;
                report(new Problem(globalIndex, id, sequence, stored == null ? "the event has no hash"
                        : "the event differs from what was appended", Encoding.hex(recomputed),
                        Encoding.hex(stored)));
            }
            previous = recomputed;
            expectedSequence = sequence + 1;

            String keyId = rs.getString("key_id");
            switch (signatures.check(keyId, rs.getBytes("mac"), globalIndex, id, sequence, stored)) {
                case VALID -> signedBy.merge(keyId, 1L, Long::sum);
                case UNSIGNED -> report(new Problem(globalIndex, id, sequence, "the event carries no signature of the"
                        + " application: it was not appended by the application", null, Encoding.hex(stored)));
                case UNKNOWN_KEY -> report(new Problem(globalIndex, id, sequence, "the event is signed with key "
                        + keyId + ", which is not in the application's key directory", null, Encoding.hex(stored)));
                case INVALID -> report(new Problem(globalIndex, id, sequence, "the event's signature does not match"
                        + " it: it was changed after it was appended", null, Encoding.hex(stored)));
            }
            if (upTo != null && globalIndex <= upTo) {
                length++;
                head = recomputed;
            }
        }

        void report(Problem problem) {
            problems++;
            if (problem.aggregateId() != null) {
                firstProblemOf.merge(problem.aggregateId(), problem, (a, b) -> EARLIER.compare(b, a) < 0 ? b : a);
            }
            if (first == null || EARLIER.compare(problem, first) < 0) {
                first = problem;
            }
        }

        void finish() {
            if (aggregate != null && length > 0) {
                leaves.put(aggregate, new Merkle.Leaf(length, head));
                length = 0;
            }
        }
    }

    private byte[] storedHash(String aggregateId, long sequence) {
        List<byte[]> found = jdbc.query("""
                select hash from domainevententry where aggregateidentifier = ? and sequencenumber = ?""",
                (rs, n) -> rs.getBytes(1), aggregateId, sequence);
        return found.isEmpty() ? null : found.get(0);
    }
}
