package com.deskledger.infra.integrity;

import com.deskledger.infra.keys.KeyRing;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Takes, stores and finds signed checkpoints of the whole store (see {@link Checkpoint}).
 * <p>
 * A checkpoint covers the events at or below the highest global index it saw. So that no event at or below that
 * index can still arrive after it (an append that drew its index earlier but commits later would look inserted
 * behind the checkpoint), it first waits for every transaction that was inserting into the event table when the
 * index was read: each holds the table's row-exclusive lock from before it draws an index until it ends, and the
 * index is read before the holders are listed. Appends are never blocked; the wait is as long as the slowest append
 * then running.
 * <p>
 * A checkpoint is computed from the one before it: that one's leaves (trusted only when they reproduce its signed
 * root), the count of events at or below its index (which must not have changed), and the events appended since.
 * When anything does not add up it is computed again from the whole store, as found, and a warning says why.
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /** Serializes checkpoints across nodes: a fixed advisory-lock key ("dlck"). */
    private static final long LOCK = 0x646c636bL;
    private static final String COLUMNS = "id, highest_global_index, event_count, aggregate_count, merkle_root,"
            + " created_at, key_id, signature";
    private static final RowMapper<Checkpoint> ROW = (rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getBytes(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
            rs.getBytes(8));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KeyRing keys;
    private final Clock clock;
    private final AuditProperties properties;
    private final ObjectMapper json;
    /** The leaves of the last checkpoint this node took, so the next one need not read them back. */
    private volatile Taken last;

    private record Taken(long id, SortedMap<String, Merkle.Leaf> leaves) {
    }

    private record Made(Checkpoint checkpoint, SortedMap<String, Merkle.Leaf> leaves) {
    }

    Checkpoints(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, KeyRing keys, Clock clock,
                AuditProperties properties, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    /** Takes a checkpoint of the store as it is now, stores it, and writes its receipt to the directory if set. */
    Checkpoint take() {
        Made made = transactions.execute(status -> takeInTransaction());
        last = new Taken(made.checkpoint().id(), made.leaves());
        writeReceipt(made.checkpoint());
        return made.checkpoint();
    }

    Optional<Checkpoint> find(long id) {
        return jdbc.query("select " + COLUMNS + " from audit_checkpoint where id = ?", ROW, id).stream().findFirst();
    }

    List<Checkpoint> newest(int limit) {
        return jdbc.query("select " + COLUMNS + " from audit_checkpoint order by id desc limit ?", ROW, limit);
    }

    /** Whether the checkpoint's signature verifies with the application's public key of its key id. */
    boolean signatureValid(Checkpoint checkpoint) {
        Optional<PublicKey> key = keys.checkpointPublicKey(checkpoint.keyId());
        if (key.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(KeyRing.SIGNATURE_ALGORITHM);
            verifier.initVerify(key.get());
            verifier.update(checkpoint.signedText());
            return verifier.verify(checkpoint.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The newest checkpoint whose signature verifies, from the database or from the checkpoint directory, whichever
     * covers more; or the newest one that does not verify, so that its failure is reported.
     */
    Optional<Checkpoint> newestKnown() {
        Optional<Checkpoint> stored = newest(1).stream().findFirst();
        Optional<Checkpoint> filed = newestInDirectory();
        if (filed.isPresent() && (stored.isEmpty() || !signatureValid(stored.get())
                || filed.get().highestGlobalIndex() > stored.get().highestGlobalIndex())) {
            return filed;
        }
        return stored;
    }

    /**
     * The leaves the database holds for a checkpoint, if they reproduce its signed root and counts (then they are
     * the checkpoint's own, whatever else was changed in the database).
     */
    Optional<SortedMap<String, Merkle.Leaf>> trustedLeaves(Checkpoint checkpoint) {
        if (!signatureValid(checkpoint)) {
            return Optional.empty();
        }
        SortedMap<String, Merkle.Leaf> leaves = storedLeaves(checkpoint.id());
        return reproduces(leaves, checkpoint) ? Optional.of(leaves) : Optional.empty();
    }

    private static boolean reproduces(SortedMap<String, Merkle.Leaf> leaves, Checkpoint checkpoint) {
        long events = leaves.values().stream().mapToLong(Merkle.Leaf::length).sum();
        return leaves.size() == checkpoint.aggregateCount() && events == checkpoint.eventCount()
                && java.util.Arrays.equals(Merkle.root(leaves), checkpoint.merkleRoot());
    }

    /** The leaves of a checkpoint as the database holds them: per aggregate, its newest row up to that one. */
    private SortedMap<String, Merkle.Leaf> storedLeaves(long checkpointId) {
        Taken cached = last;
        if (cached != null && cached.id() == checkpointId) {
            return cached.leaves();
        }
        SortedMap<String, Merkle.Leaf> leaves = Merkle.leaves();
        jdbc.query("""
                select distinct on (aggregate_id) aggregate_id, length, head from audit_checkpoint_leaf
                where checkpoint_id <= ? order by aggregate_id, checkpoint_id desc""", rs -> {
            if (rs.getLong(2) > 0) {
                leaves.put(rs.getString(1), new Merkle.Leaf(rs.getLong(2), rs.getBytes(3)));
            }
        }, checkpointId);
        return leaves;
    }

    private Made takeInTransaction() {
        jdbc.execute("select pg_advisory_xact_lock(" + LOCK + ")");
        long highest = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
        awaitAppendsAtOrBelow();

        Checkpoint previous = newest(1).stream().findFirst().orElse(null);
        // the leaves are stored as changes from the previous checkpoint's, as the database holds them
        SortedMap<String, Merkle.Leaf> before = previous == null ? Merkle.leaves() : storedLeaves(previous.id());
        SortedMap<String, Merkle.Leaf> leaves = null;
        if (previous != null) {
            if (!signatureValid(previous) || !reproduces(before, previous)) {
                log.warn("Checkpoint {} in the database does not verify (signature, or its leaves against its root):"
                        + " checkpoint computed from the whole store; run GET /api/audit/verify", previous.id());
            } else if (previous.highestGlobalIndex() > highest) {
                log.warn("The store's highest index {} is below that of checkpoint {}: checkpoint computed from the"
                        + " whole store; run GET /api/audit/verify", highest, previous.id());
            } else {
                long counted = jdbc.queryForObject("select count(*) from domainevententry where globalindex <= ?",
                        Long.class, previous.highestGlobalIndex());
                if (counted != previous.eventCount()) {
                    log.warn("The store holds {} events at or below the index of checkpoint {}, which counted {}:"
                            + " events were removed or inserted behind it; checkpoint computed from the whole store;"
                            + " run GET /api/audit/verify", counted, previous.id(), previous.eventCount());
                } else {
                    leaves = Merkle.leaves();
                    leaves.putAll(before);
                    addAppended(leaves, previous.highestGlobalIndex(), highest);
                }
            }
        }
        if (leaves == null) {
            leaves = Merkle.leaves();
            addAppended(leaves, 0, highest);
        }
        long events = leaves.values().stream().mapToLong(Merkle.Leaf::length).sum();

        long id = jdbc.queryForObject("select nextval('audit_checkpoint_id_seq')", Long.class);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] root = Merkle.root(leaves);
        KeyRing.SigningKey key = keys.activeCheckpointKey();
        byte[] text = Checkpoint.signedText(id, highest, events, leaves.size(), root, createdAt, key.id());
        Checkpoint checkpoint = new Checkpoint(id, highest, events, leaves.size(), root, createdAt, key.id(),
                sign(key, text));
        jdbc.update("insert into audit_checkpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", id, highest,
                events, (long) leaves.size(), root, Timestamp.from(createdAt), key.id(), checkpoint.signature());
        storeChangedLeaves(id, before, leaves);
        return new Made(checkpoint, leaves);
    }

    /** Adds the events with an index in (after, upTo] to the leaves: more events, and a newer last one. */
    private void addAppended(SortedMap<String, Merkle.Leaf> leaves, long after, long upTo) {
        jdbc.query(con -> {
            PreparedStatement select = con.prepareStatement("""
                    select aggregateidentifier, count(*), (array_agg(hash order by sequencenumber desc))[1]
                    from domainevententry where globalindex > ? and globalindex <= ?
                    group by aggregateidentifier""");
            select.setFetchSize(5_000);
            select.setLong(1, after);
            select.setLong(2, upTo);
            return select;
        }, rs -> {
            String aggregate = rs.getString(1);
            Merkle.Leaf old = leaves.get(aggregate);
            leaves.put(aggregate, new Merkle.Leaf((old == null ? 0 : old.length()) + rs.getLong(2), rs.getBytes(3)));
        });
    }

    /** Stores the leaves that differ from the previous checkpoint's, and a length 0 for aggregates that are gone. */
    private void storeChangedLeaves(long id, SortedMap<String, Merkle.Leaf> before,
                                    SortedMap<String, Merkle.Leaf> now) {
        List<String> aggregates = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        List<byte[]> heads = new ArrayList<>();
        for (Map.Entry<String, Merkle.Leaf> leaf : now.entrySet()) {
            if (!leaf.getValue().sameAs(before.get(leaf.getKey()))) {
                aggregates.add(leaf.getKey());
                lengths.add(leaf.getValue().length());
                heads.add(leaf.getValue().head());
            }
        }
        for (String gone : before.keySet()) {
            if (!now.containsKey(gone)) {
                aggregates.add(gone);
                lengths.add(0L);
                heads.add(null);
            }
        }
        if (aggregates.isEmpty()) {
            return;
        }
        jdbc.execute((Connection con) -> {
            try (PreparedStatement insert = con.prepareStatement("""
                    insert into audit_checkpoint_leaf (aggregate_id, checkpoint_id, length, head)
                    select a, ?, l, h from unnest(?::varchar[], ?::bigint[], ?::bytea[]) as t(a, l, h)""")) {
                insert.setLong(1, id);
                insert.setArray(2, con.createArrayOf("varchar", aggregates.toArray()));
                insert.setArray(3, con.createArrayOf("bigint", lengths.toArray()));
                insert.setArray(4, con.createArrayOf("bytea", heads.toArray(new byte[0][])));
                return insert.executeUpdate();
            }
        });
    }

    private void awaitAppendsAtOrBelow() {
        List<String> running = jdbc.queryForList("""
                select distinct virtualtransaction from pg_locks
                where locktype = 'relation' and relation = 'domainevententry'::regclass and mode = 'RowExclusiveLock'
                  and pid is distinct from pg_backend_pid()""", String.class);
        long deadline = System.nanoTime() + properties.getCheckpointWait().toNanos();
        while (!running.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new DomainException(ErrorCode.CHECKPOINT_BUSY, "appends to the event store kept running for"
                        + " longer than " + properties.getCheckpointWait() + "; try again");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for running appends", e);
            }
            running = jdbc.queryForList("select distinct virtualtransaction from pg_locks"
                    + " where virtualtransaction = any(?)", String.class, (Object) running.toArray(String[]::new));
        }
    }

    private static byte[] sign(KeyRing.SigningKey key, byte[] text) {
        try {
            Signature signer = Signature.getInstance(KeyRing.SIGNATURE_ALGORITHM);
            signer.initSign(key.privateKey());
            signer.update(text);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with checkpoint key " + key.id(), e);
        }
    }

    private void writeReceipt(Checkpoint checkpoint) {
        Path dir = properties.getCheckpointDir();
        if (dir == null) {
            return;
        }
        // named so that the file of the highest index sorts last; never overwritten
        Path file = dir.resolve(String.format("checkpoint-%019d-%d.json", checkpoint.highestGlobalIndex(),
                checkpoint.id()));
        try {
            Files.createDirectories(dir);
            Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    CheckpointReceipt.of(checkpoint)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            log.warn("Checkpoint {} could not be written to {}: {}", checkpoint.id(), file, e.toString());
        }
    }

    private Optional<Checkpoint> newestInDirectory() {
        Path dir = properties.getCheckpointDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("checkpoint-\\d{19}-\\d+\\.json"))
                    .sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
        } catch (IOException e) {
            log.warn("Cannot list the checkpoint directory {}: {}", dir, e.toString());
            return Optional.empty();
        }
        Checkpoint unverified = null;
        for (Path file : files) {
            try {
                Checkpoint checkpoint = json.readValue(file.toFile(), CheckpointReceipt.class).toCheckpoint();
                if (signatureValid(checkpoint)) {
                    return Optional.of(checkpoint);
                }
                if (unverified == null) {
                    unverified = checkpoint;
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot read the checkpoint receipt {}: {}", file, e.toString());
            }
        }
        return Optional.ofNullable(unverified);
    }
}
