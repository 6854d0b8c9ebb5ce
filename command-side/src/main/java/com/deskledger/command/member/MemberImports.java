package com.deskledger.command.member;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.member.ImportFormat.Column;
import com.deskledger.command.member.ImportFormat.Problem;
import com.deskledger.command.member.ImportFormat.Read;
import com.deskledger.command.member.ImportFormat.Row;
import com.deskledger.command.member.ImportFormat.RowProblem;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.MoneyLimits;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.member.ImportProvenance;
import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.command.ImportMemberCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Member imports: a file is stored as it streams in (in pieces, with its SHA-256), read once for the dry run, whose
 * report is kept, and read again by the commit, which runs in the background, one command per member, and records
 * what became of every row. Whichever node finds a running import whose runner stopped beating (the application was
 * stopped or killed) takes it over and resumes it: the rows already done are skipped, and a member imported by a
 * row whose outcome was lost is found by its id, which is derived from the centre and the old member number. So the
 * same file imported twice, or the same member in two files, imports that member once.
 */
@Component
public class MemberImports implements SmartLifecycle {

    static final String UPLOADED = "UPLOADED";
    static final String VALIDATED = "VALIDATED";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String INVALID = "INVALID";

    private static final Logger log = LoggerFactory.getLogger(MemberImports.class);
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final CommandSender sender;
    private final MemberIdentities identities;
    private final AggregateDirectory directory;
    private final CentreCatalog centres;
    private final MoneyLimits limits;
    private final TimeWindows windows;
    private final Clock clock;
    private final Map<String, Set<String>> plans;
    private final Duration staleAfter;
    private final Duration resumeCheck;
    private final String node = "import-node-" + UUID.randomUUID();
    private final Map<String, Thread> runners = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService resumer;
    private volatile boolean running;

    MemberImports(JdbcTemplate jdbc, CommandSender sender, MemberIdentities identities, AggregateDirectory directory,
                  CentreCatalog centres, MoneyLimits limits, TimeWindows windows, Clock clock, ImportPlans plans,
                  @Value("${deskledger.imports.stale-after:PT30S}") Duration staleAfter,
                  @Value("${deskledger.imports.resume-check:PT5S}") Duration resumeCheck) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.identities = identities;
        this.directory = directory;
        this.centres = centres;
        this.limits = limits;
        this.windows = windows;
        this.clock = clock;
        this.plans = plans.byCentre();
        this.staleAfter = staleAfter;
        this.resumeCheck = resumeCheck;
    }

    // ---------------------------------------------------------------- upload and dry run

    /** Stores the file as it streams in, then reads it for the dry run; nothing but the import's rows is written. */
    ImportStatus upload(CentreId centre, String fileName, InputStream body, Actor actor) throws IOException {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into member_import (import_id, centre, file_name, uploaded_by, uploaded_at, status)
                values (?, ?, ?, ?, ?, ?)""", id, centre.value(), fileName, actor.user().value(),
                Timestamp.from(clock.instant()), UPLOADED);
        MessageDigest sha = sha256();
        byte[] buffer = new byte[CHUNK_BYTES];
        long bytes = 0;
        int chunk = 0;
        int filled = 0;
        try {
            for (int n; (n = body.read(buffer, filled, buffer.length - filled)) != -1; ) {
                filled += n;
                if (filled == buffer.length) {
                    store(id, chunk++, buffer, filled, sha);
                    bytes += filled;
                    filled = 0;
                }
            }
        } catch (IOException | RuntimeException broken) {
            // a body cut off or too large: nothing of it is kept
            jdbc.update("delete from member_import where import_id = ?", id);
            throw broken;
        }
        if (filled > 0) {
            store(id, chunk, buffer, filled, sha);
            bytes += filled;
        }
        jdbc.update("update member_import set checksum = ?, bytes = ? where import_id = ?",
                HexFormat.of().formatHex(sha.digest()), bytes, id);
        dryRun(id);
        return status(id).orElseThrow();
    }

    private void store(String id, int chunk, byte[] buffer, int length, MessageDigest sha) {
        sha.update(buffer, 0, length);
        byte[] data = java.util.Arrays.copyOf(buffer, length);
        jdbc.update("insert into member_import_chunk (import_id, chunk, data) values (?, ?, ?)", id, chunk, data);
    }

    /** The dry run: every problem of every row, kept as the import's report; the file is not changed. */
    private void dryRun(String id) throws IOException {
        Header info = header(id);
        ImportFormat.Rules rules = rules(info.centre());
        List<RowProblem> problems = new ArrayList<>();
        Set<Integer> problemRows = new HashSet<>();
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> people = new HashMap<>();
        List<Row> batch = new ArrayList<>();
        int[] counts = new int[2]; // rows, already imported
        try (ImportCsvReader reader = new ImportCsvReader(new ChunkStream(jdbc, id))) {
            List<String> headerCells = reader.next();
            if (headerCells == null) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the file is empty", "file");
            }
            Map<Column, Integer> header = ImportFormat.header(headerCells);
            for (List<String> cells = reader.next(); cells != null; cells = reader.next()) {
                counts[0]++;
                Read read = ImportFormat.read(reader.record(), cells, header, rules);
                if (read.row() == null) {
                    addAll(problems, problemRows, read.problems());
                    continue;
                }
                Row row = read.row();
                String number = normalNumber(row.memberNumber());
                Integer first = numbers.putIfAbsent(number, row.row());
                if (first != null) {
                    add(problems, problemRows, new RowProblem(row.row(), Column.MEMBER_NUMBER, row.memberNumber(),
                            Problem.DUPLICATE_ROW, "the same member number as row " + first));
                    continue;
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    checkBatch(info.centre(), batch, people, problems, problemRows, counts);
                }
            }
            checkBatch(info.centre(), batch, people, problems, problemRows, counts);
        } catch (DomainException invalidFile) {
            jdbc.update("update member_import set status = ?, error = ? where import_id = ?", INVALID,
                    invalidFile.getMessage(), id);
            jdbc.update("delete from member_import_chunk where import_id = ?", id);
            throw invalidFile;
        }
        problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
        List<Object[]> args = new ArrayList<>();
        int seq = 0;
        int last = -1;
        for (RowProblem p : problems) {
            seq = p.row() == last ? seq + 1 : 0;
            last = p.row();
            args.add(new Object[] {id, p.row(), seq, p.column() == null ? null : p.column().english,
                truncate(p.value(), 120), p.code().name(), truncate(p.message(), 300)});
            if (args.size() == BATCH) {
                insertProblems(args);
            }
        }
        insertProblems(args);
        jdbc.update("""
                update member_import set status = ?, rows_total = ?, problem_rows = ?, problems = ?,
                    already_imported = ? where import_id = ?""",
                VALIDATED, counts[0], problemRows.size(), problems.size(), counts[1], id);
    }

    /**
     * Duplicates within the file (the same person as an earlier row) and against DeskLedger: a row whose member was
     * imported before is counted (it will be skipped), a row of a person who is a member already is a problem.
     */
    private void checkBatch(CentreId centre, List<Row> batch, Map<String, Integer> people, List<RowProblem> problems,
                            Set<Integer> problemRows, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Row, String> hashes = new HashMap<>();
        for (Row row : batch) {
            hashes.put(row, identityOf(row).hash());
        }
        Map<String, MemberId> holders = identities.holders(centre, hashes.values());
        Set<String> imported = existing(batch.stream().map(row -> memberIdOf(centre, row.memberNumber()).value())
                .toList());
        for (Row row : batch) {
            String hash = hashes.get(row);
            if (imported.contains(memberIdOf(centre, row.memberNumber()).value())) {
                counts[1]++;
                continue;
            }
            Integer first = people.putIfAbsent(hash, row.row());
            if (first != null) {
                add(problems, problemRows, new RowProblem(row.row(), Column.NAME, ImportFormat.shown(Column.NAME,
                        row.name()), Problem.DUPLICATE_ROW, "the same person as row " + first));
            } else if (holders.containsKey(hash)) {
                add(problems, problemRows, new RowProblem(row.row(), Column.NAME, ImportFormat.shown(Column.NAME,
                        row.name()), Problem.DUPLICATE_MEMBER, "already a member of this centre: "
                        + holders.get(hash)));
            }
        }
        batch.clear();
    }

    private Set<String> existing(List<String> memberIds) {
        Set<String> found = new HashSet<>();
        jdbc.query("select aggregate_id from aggregate_directory where aggregate_id = any(?)",
                (RowCallbackHandler) rs -> found.add(rs.getString(1)), (Object) memberIds.toArray(String[]::new));
        return found;
    }

    private void insertProblems(List<Object[]> args) {
        if (!args.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into member_import_problem (import_id, row_number, seq, column_name, value, code, message)
                    values (?, ?, ?, ?, ?, ?, ?)""", args);
            args.clear();
        }
    }

    private static void addAll(List<RowProblem> problems, Set<Integer> rows, List<RowProblem> found) {
        found.forEach(p -> add(problems, rows, p));
    }

    private static void add(List<RowProblem> problems, Set<Integer> rows, RowProblem problem) {
        problems.add(problem);
        rows.add(problem.row());
    }

    // ---------------------------------------------------------------- commit

    /**
     * Starts the import in the background. Every row with a problem in the dry run must be excluded explicitly;
     * the rows excluded are skipped.
     */
    ImportStatus commit(String id, Set<Integer> excluded, Actor actor) {
        Header info = header(id);
        actor.requireCentre(info.centre());
        if (!VALIDATED.equals(info.status())) {
            throw new DomainException(ErrorCode.IMPORT_ALREADY_COMMITTED, "this import is " + info.status()
                    .toLowerCase(Locale.ROOT) + "; a file is committed once");
        }
        List<Integer> blocking = jdbc.queryForList("""
                select distinct row_number from member_import_problem where import_id = ? order by row_number""",
                Integer.class, id).stream().filter(row -> !excluded.contains(row)).toList();
        if (!blocking.isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_HAS_PROBLEMS, blocking.size() + " row(s) with problems are "
                    + "not excluded, the first " + blocking.subList(0, Math.min(10, blocking.size())),
                    "excludeRows");
        }
        int updated = jdbc.update("""
                update member_import set status = ?, excluded_rows = ?, committed_by = ?, committed_roles = ?,
                    committed_at = ?, started_at = ?, owner = ?, heartbeat_at = ?
                where import_id = ? and status = ?""",
                RUNNING, excluded.stream().sorted().toArray(Integer[]::new), actor.user().value(),
                actor.rolesAsText(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), node,
                Timestamp.from(clock.instant()), id, VALIDATED);
        if (updated == 0) {
            throw new DomainException(ErrorCode.IMPORT_ALREADY_COMMITTED, "this import was committed already");
        }
        start(id);
        return status(id).orElseThrow();
    }

    private void start(String id) {
        Thread thread = new Thread(() -> {
            try {
                run(id);
            } catch (RuntimeException | IOException failure) {
                if (running) {
                    // the class only: a message may quote a value of the file
                    log.warn("member import {} stopped: {}", id, failure.getClass().getSimpleName());
                    jdbc.update("update member_import set status = ?, error = ?, finished_at = ? where import_id = ?"
                            + " and owner = ?", FAILED, failure.getClass().getSimpleName(),
                            Timestamp.from(clock.instant()), id, node);
                }
            } finally {
                runners.remove(id);
            }
        }, "member-import-" + id.substring(0, 8));
        thread.setDaemon(true);
        if (runners.putIfAbsent(id, thread) == null) {
            thread.start();
        }
    }

    private void run(String id) throws IOException {
        Header info = header(id);
        CentreId centre = info.centre();
        ImportFormat.Rules rules = rules(centre);
        ZoneId zone = centres.zoneOf(centre);
        Set<Integer> excluded = new HashSet<>(jdbc.queryForList(
                "select unnest(excluded_rows) from member_import where import_id = ?", Integer.class, id));
        BitSet done = new BitSet();
        jdbc.query("select row_number from member_import_row where import_id = ?",
                (RowCallbackHandler) rs -> done.set(rs.getInt(1)), id);
        Progress progress = new Progress(id);
        jdbc.update("update member_import set run_rows = 0, run_started_at = ? where import_id = ?",
                Timestamp.from(clock.instant()), id);
        try (ImportCsvReader reader = new ImportCsvReader(new ChunkStream(jdbc, id))) {
            Map<Column, Integer> header = ImportFormat.header(reader.next());
            for (List<String> cells = reader.next(); cells != null; cells = reader.next()) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                int rowNumber = reader.record();
                if (done.get(rowNumber)) {
                    continue;
                }
                if (excluded.contains(rowNumber)) {
                    outcome(id, rowNumber, "SKIPPED", null, "EXCLUDED");
                } else {
                    importRow(info, rules, zone, ImportFormat.read(rowNumber, cells, header, rules));
                }
                progress.row();
            }
        }
        if (!progress.finish()) {
            return;
        }
        jdbc.update("update member_import set status = ?, finished_at = ? where import_id = ? and owner = ?",
                COMPLETED, Timestamp.from(clock.instant()), id, node);
        counts(id);
        // the file holds personal data in plain text: it goes once every row is done
        jdbc.update("delete from member_import_chunk where import_id = ?", id);
        log.info("member import {} completed", id);
    }

    private void importRow(Header info, ImportFormat.Rules rules, ZoneId zone, Read read) {
        String id = info.id();
        if (read.row() == null) {
            // the centre's rules changed since the dry run (a plan removed): the row is not imported
            outcome(id, read.problems().get(0).row(), "FAILED", null, read.problems().get(0).code().name());
            return;
        }
        Row row = read.row();
        MemberId member = memberIdOf(info.centre(), row.memberNumber());
        if (directory.centreOf(member.value()).isPresent()) {
            outcome(id, row.row(), "SKIPPED", member.value(), ErrorCode.MEMBER_ALREADY_IMPORTED.name());
            return;
        }
        if (identities.holder(info.centre(), identityOf(row)).isPresent()) {
            outcome(id, row.row(), "FAILED", null, ErrorCode.MEMBER_ALREADY_ENROLLED.name());
            return;
        }
        ImportMemberCommand command = new ImportMemberCommand(member, info.centre(), row.kind(), row.name(),
                row.idNumber(), row.guardianName(), row.guardianPhone(), row.phone(), row.email(), rules.currency(),
                packageOf(row, member, rules.currency(), zone), row.frozen(), row.frozenUntil(),
                new ImportProvenance(id, info.fileName(), info.checksum(), row.row(), row.memberNumber(),
                        StaffId.of(info.committedBy())), clock.instant());
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetaDataKeys.USER, info.committedBy());
        meta.put(MetaDataKeys.ROLES, info.committedRoles() == null ? "" : info.committedRoles());
        meta.put(MetaDataKeys.CORRELATION_ID, id);
        try {
            sender.send(GenericCommandMessage.asCommandMessage(command).andMetaData(meta), member.value());
        } catch (RuntimeException refused) {
            if (directory.centreOf(member.value()).isPresent()) {
                // imported meanwhile by a node that took this import over: its row says IMPORTED already
                outcome(id, row.row(), "SKIPPED", member.value(), ErrorCode.MEMBER_ALREADY_IMPORTED.name());
                return;
            }
            DomainException reason = domainCause(refused);
            if (reason == null) {
                throw refused;
            }
            outcome(id, row.row(), "FAILED", null, reason.code().name());
        }
    }

    private static ImportedPackage packageOf(Row row, MemberId member, String currency, ZoneId zone) {
        if (!row.hasPackage()) {
            return null;
        }
        // one package per member, so its id follows from the member's
        PurchaseId purchase = PurchaseId.of(UUID.nameUUIDFromBytes(("import-package|" + member.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
        boolean pack = row.packageKind() == PackageKind.CREDIT_PACK;
        return new ImportedPackage(purchase, row.plan(), row.packageKind(), pack ? row.credits() : null,
                pack ? row.creditsLeft() : null,
                pack ? null : row.validFrom().atStartOfDay(zone).toInstant(),
                pack ? null : row.validUntil().plusDays(1).atStartOfDay(zone).toInstant(),
                Money.of(row.priceMinor(), currency), row.paymentMethod(),
                row.purchaseDate().atStartOfDay(zone).toInstant());
    }

    private void outcome(String id, int row, String outcome, String member, String code) {
        jdbc.update("""
                insert into member_import_row (import_id, row_number, outcome, member_id, code) values (?, ?, ?, ?, ?)
                on conflict (import_id, row_number) do nothing""", id, row, outcome, member, code);
    }

    private static DomainException domainCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
            if (cause instanceof org.axonframework.messaging.HandlerExecutionException handler
                    && handler.getDetails().orElse(null) instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    /** Counts rows and beats the import's heart about once a second; tells the runner whether it still owns it. */
    private final class Progress {

        private final String id;
        private int sinceWrite;
        private long lastWrite = System.nanoTime();
        private boolean owned = true;

        Progress(String id) {
            this.id = id;
        }

        void row() {
            sinceWrite++;
            if (System.nanoTime() - lastWrite > 1_000_000_000L) {
                write();
            }
        }

        boolean finish() {
            write();
            return owned;
        }

        private void write() {
            int n = jdbc.update("""
                    update member_import set heartbeat_at = ?, run_rows = run_rows + ? where import_id = ?
                        and owner = ?""", Timestamp.from(clock.instant()), sinceWrite, id, node);
            counts(id);
            sinceWrite = 0;
            lastWrite = System.nanoTime();
            if (n == 0) {
                // another node took the import over (this one stalled): it stops here
                owned = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    private void counts(String id) {
        jdbc.update("""
                update member_import i set rows_read = c.done, rows_imported = c.imported, rows_skipped = c.skipped,
                    rows_failed = c.failed
                from (select count(*) as done, count(*) filter (where outcome = 'IMPORTED') as imported,
                        count(*) filter (where outcome = 'SKIPPED') as skipped,
                        count(*) filter (where outcome = 'FAILED') as failed
                      from member_import_row where import_id = ?) c
                where i.import_id = ?""", id, id);
    }

    // ---------------------------------------------------------------- resuming

    @Override
    public void start() {
        running = true;
        resumer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "member-import-resume");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(200, resumeCheck.toMillis());
        resumer.scheduleWithFixedDelay(this::resumeStale, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes over running imports whose runner has not beaten for {@code stale-after}, and resumes them here. */
    void resumeStale() {
        try {
            Instant now = clock.instant();
            List<String> taken = jdbc.queryForList("""
                    update member_import set owner = ?, heartbeat_at = ?
                    where status = ? and (heartbeat_at is null or heartbeat_at < ?) returning import_id""",
                    String.class, node, Timestamp.from(now), RUNNING, Timestamp.from(now.minus(staleAfter)));
            for (String id : taken) {
                log.info("member import {} resumed on this node", id);
                start(id);
            }
        } catch (DataAccessException unavailable) {
            log.debug("member imports not checked: {}", unavailable.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (resumer != null) {
            resumer.shutdownNow();
        }
        for (Thread runner : runners.values()) {
            runner.interrupt();
        }
        for (Thread runner : runners.values()) {
            try {
                runner.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server and Axon (default phase), so a runner's last command still goes through. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    // ---------------------------------------------------------------- reading

    record Header(String id, CentreId centre, String fileName, String checksum, String status, String committedBy,
                  String committedRoles) {
    }

    Header header(String id) {
        return jdbc.query("""
                select import_id, centre, file_name, checksum, status, committed_by, committed_roles
                from member_import where import_id = ?""",
                (rs, n) -> new Header(rs.getString(1), CentreId.of(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), id)
                .stream().findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such import"));
    }

    Optional<ImportStatus> status(String id) {
        return jdbc.query("select * from member_import where import_id = ?", (rs, n) -> {
            Instant runStarted = instant(rs.getTimestamp("run_started_at"));
            int runRows = rs.getInt("run_rows");
            Integer total = (Integer) rs.getObject("rows_total");
            int read = rs.getInt("rows_read");
            Double rate = null;
            Long secondsLeft = null;
            String status = rs.getString("status");
            if (runStarted != null && runRows > 0) {
                Instant end = COMPLETED.equals(status) && rs.getTimestamp("finished_at") != null
                        ? rs.getTimestamp("finished_at").toInstant() : clock.instant();
                double seconds = Math.max(0.001, Duration.between(runStarted, end).toMillis() / 1000.0);
                rate = Math.round(runRows / seconds * 10) / 10.0;
                if (RUNNING.equals(status) && total != null && rate > 0) {
                    secondsLeft = (long) Math.ceil(Math.max(0, total - read) / rate);
                }
            }
            return new ImportStatus(rs.getString("import_id"), rs.getString("centre"), rs.getString("file_name"),
                    rs.getString("checksum"), rs.getLong("bytes"), status, rs.getString("error"),
                    rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at")), total,
                    (Integer) rs.getObject("problem_rows"), (Integer) rs.getObject("problems"),
                    (Integer) rs.getObject("already_imported"), rs.getString("committed_by"),
                    instant(rs.getTimestamp("committed_at")), instant(rs.getTimestamp("finished_at")), read,
                    rs.getInt("rows_imported"), rs.getInt("rows_skipped"), rs.getInt("rows_failed"), rate,
                    secondsLeft);
        }, id).stream().findFirst();
    }

    /** The import's centre, for the controller's check before anything else is read. */
    CentreId centreOf(String id) {
        return header(id).centre();
    }

    List<ImportStatus> list(CentreId centre) {
        return jdbc.queryForList("select import_id from member_import where centre = ? order by uploaded_at desc "
                + "limit 100", String.class, centre.value()).stream().map(this::status).flatMap(Optional::stream)
                .toList();
    }

    List<ImportProblem> problems(String id, int limit) {
        return jdbc.query("""
                select row_number, column_name, value, code, message from member_import_problem where import_id = ?
                order by row_number, seq limit ?""",
                (rs, n) -> new ImportProblem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), id, limit);
    }

    /** Streams the final report: one line per row, its outcome, the member made, and why a row was not imported. */
    void report(String id, java.util.function.Consumer<String[]> line) {
        line.accept(new String[] {"row", "outcome", "member_id", "code", "problems"});
        jdbc.query("""
                select r.row_number, r.outcome, r.member_id, r.code,
                    (select string_agg(p.code || coalesce(' in ' || p.column_name, ''), '; ' order by p.seq)
                     from member_import_problem p where p.import_id = r.import_id and p.row_number = r.row_number)
                from member_import_row r where r.import_id = ? order by r.row_number""",
                (RowCallbackHandler) rs -> line.accept(new String[] {Integer.toString(rs.getInt(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)}), id);
    }

    void problemsCsv(String id, java.util.function.Consumer<String[]> line) {
        line.accept(new String[] {"row", "column", "value", "code", "problem"});
        jdbc.query("""
                select row_number, column_name, value, code, message from member_import_problem where import_id = ?
                order by row_number, seq""",
                (RowCallbackHandler) rs -> line.accept(new String[] {Integer.toString(rs.getInt(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)}), id);
    }

    // ---------------------------------------------------------------- helpers

    private ImportFormat.Rules rules(CentreId centre) {
        LocalDate today = LocalDate.now(clock.withZone(centres.zoneOf(centre)));
        return new ImportFormat.Rules(centre, centres.currencyOf(centre),
                plans.getOrDefault(centre.value(), plans.getOrDefault("*", Set.of())), limits,
                windows.packageValidity(), today);
    }

    private MemberIdentities.Identity identityOf(Row row) {
        return identities.identify(row.name(), row.idNumber(), row.guardianPhone(), row.phone());
    }

    /** The member a row of the old system becomes: the same old number in the same centre is the same member. */
    static MemberId memberIdOf(CentreId centre, String memberNumber) {
        return MemberId.of(UUID.nameUUIDFromBytes(("deskledger-import|" + centre.value() + "|"
                + normalNumber(memberNumber)).getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static String normalNumber(String number) {
        return number.strip().toUpperCase(Locale.ROOT);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The stored file, read back piece by piece. */
    private static final class ChunkStream extends InputStream {

        private final JdbcTemplate jdbc;
        private final String id;
        private int next;
        private byte[] current = new byte[0];
        private int at;
        private boolean ended;

        ChunkStream(JdbcTemplate jdbc, String id) {
            this.jdbc = jdbc;
            this.id = id;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[at++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - at);
            System.arraycopy(current, at, buffer, offset, n);
            at += n;
            return n;
        }

        private boolean fill() {
            while (at >= current.length) {
                if (ended) {
                    return false;
                }
                List<byte[]> found = jdbc.queryForList(
                        "select data from member_import_chunk where import_id = ? and chunk = ?", byte[].class, id,
                        next++);
                if (found.isEmpty()) {
                    ended = true;
                    return false;
                }
                current = found.get(0);
                at = 0;
            }
            return true;
        }
    }
}
