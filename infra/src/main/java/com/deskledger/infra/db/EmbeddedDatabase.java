package com.deskledger.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL server whose data directory is kept between runs. One per JVM, stopped after Spring has
 * shut down.
 *
 * <p>A data directory has one owner at a time: the running DeskLedger that holds the lock on
 * {@value #OWNER_FILE} in it (the file names the owner's process id). A second instance on a directory in use
 * refuses to start ({@link DataDirectoryInUseException}) and touches nothing; a PostgreSQL whose owner is gone (a
 * DeskLedger killed with {@code kill -9} leaves its postmaster running) is stopped and the data directory reused.
 * The operating system releases a file lock when its process dies, however it dies, so the lock says whether the
 * owner is alive where a process id in a file could not (it may have been reused).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    /** The role that owns the schema and that Flyway migrates with. */
    public static final String OWNER_ROLE = "deskledger_owner";
    /** The role the application connects as: it owns nothing (afterMigrate.sql grants what it needs). */
    public static final String APP_ROLE = "deskledger_app";
    static final String DATABASE = "deskledger";
    /** In the data directory, owner-only: the generated passwords of the superuser, the owner and the application. */
    static final String CREDENTIALS_FILE = "db-credentials.properties";
    /** In the data directory: locked by the running owner, holding its process id. */
    static final String OWNER_FILE = "deskledger.lock";
    /** zonky's own lock in PostgreSQL's data directory, held by whichever process started the server. */
    private static final String ZONKY_LOCK = "epg-lock";
    /**
     * The owner locks one byte far past the process id it writes, not the id itself: on Windows a lock keeps others
     * from reading the bytes it covers, and the refused instance must read the id to name the owner.
     */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedDatabase running;
    private static Runnable stopAtExit;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final OwnerLock owner;
    private final Path root;
    private DatabaseCredentials credentials;
    private boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, OwnerLock owner, Path root,
                             DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.owner = owner;
        this.root = root;
        this.credentials = credentials;
    }

    /**
     * Starts the application's server on first call (port 0 picks a free one); later calls return the same server.
     * It is stopped by a Spring Boot shutdown handler, which runs once every application context has closed: after
     * the web server, Axon's processors, the deadline scheduler and the connection pool, so none of them sees its
     * database vanish (a JVM shutdown hook, zonky's default, runs at the same time as Spring's own and did). Spring
     * runs its handlers from its own shutdown hook, the one {@code spring.main.register-shutdown-hook} (on by
     * default) installs; with it off nothing stops the server at exit, and the next start stops it as an orphan.
     */
    public static synchronized EmbeddedDatabase start(Path dataDir, int port) {
        if (running == null) {
            running = open(dataDir, port);
            stopAtExit = running::close;
            SpringApplication.getShutdownHandlers().add(stopAtExit);
            running.secure();
        }
        return running;
    }

    /**
     * Spring runs its shutdown handlers last added first, and the logging system adds its own (which stops logging)
     * after the database was started: once the application has started, the stop is added again, after it, so the
     * database stops while its last words can still be logged. Until then the first handler stands, so a start that
     * fails half-way still stops the server.
     */
    static synchronized void stopBeforeLoggingEnds() {
        if (running != null && !running.closed) {
            SpringApplication.getShutdownHandlers().remove(stopAtExit);
            stopAtExit = running::close;
            SpringApplication.getShutdownHandlers().add(stopAtExit);
        }
    }

    /**
     * Takes ownership of the data directory and starts PostgreSQL in {@code dataDir/postgres}; the caller closes it.
     *
     * @throws DataDirectoryInUseException when a live process owns the directory: nothing has been touched
     */
    static EmbeddedDatabase open(Path dataDir, int port) {
        Path root = dataDir.toAbsolutePath().normalize();
        Path pgData = root.resolve("postgres");
        OwnerLock owner;
        try {
            Files.createDirectories(pgData);
            owner = OwnerLock.acquire(root, pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("could not use the data directory " + root, e);
        }
        try {
            refuseIfZonkyLockHeld(root, pgData);
            stopOrphan(pgData);
            Optional<DatabaseCredentials> credentials = DatabaseCredentials.read(root.resolve(CREDENTIALS_FILE));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            // a secured directory (see secure) takes a password even from its superuser
            credentials.ifPresent(c -> builder.setConnectConfig("password", c.superuser()));
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start(), pgData, owner, root,
                    credentials.orElse(null));
            db.createDatabase();
            return db;
        } catch (IOException e) {
            owner.release();
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData, e);
        } catch (RuntimeException e) {
            owner.release();
            throw e;
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The application's URL, without a user: it connects as {@link #APP_ROLE}, Flyway as {@link #OWNER_ROLE}. */
    public String applicationJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** The generated passwords, once {@link #secure()} ran. */
    public DatabaseCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("the embedded database was not secured");
        }
        return credentials;
    }

    /**
     * Least privilege for the application's own server: the superuser {@code postgres}, the schema's owner
     * {@value #OWNER_ROLE} (Flyway migrates with it) and the application's role {@value #APP_ROLE} (which owns nothing)
     * get passwords generated at the first start and kept in {@value #CREDENTIALS_FILE} in the data directory,
     * readable by its owner only; the database, its schema and every object in it made by an earlier version (owned
     * by {@code postgres}) are given to the owner; and the server stops trusting local connections: every login,
     * the superuser's included, needs its password ({@code scram-sha-256} in {@code pg_hba.conf}, reloaded).
     */
    void secure() {
        Path file = root.resolve(CREDENTIALS_FILE);
        if (credentials == null) {
            credentials = DatabaseCredentials.generate();
            credentials.write(file);
        }
        DatabaseCredentials c = credentials;
        try (Connection admin = postgres.getDatabase(USER, "postgres", java.util.Map.of("password", c.superuser()))
                .getConnection(); Statement s = admin.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + USER + " password '" + c.superuser() + "'");
            role(s, OWNER_ROLE, c.owner());
            role(s, APP_ROLE, c.app());
            s.execute("alter database " + DATABASE + " owner to " + OWNER_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the embedded database's roles", e);
        }
        try (Connection admin = postgres.getDatabase(USER, DATABASE, java.util.Map.of("password", c.superuser()))
                .getConnection(); Statement s = admin.createStatement()) {
            s.execute("alter schema public owner to " + OWNER_ROLE);
            s.execute(GIVE_TO_OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("could not give the embedded database's objects to its owner", e);
        }
        requirePasswords();
    }

    /** Objects an earlier version created as the superuser (before the owner role existed) go to the owner. */
    private static final String GIVE_TO_OWNER = """
            do $$
            declare r record;
            begin
                for r in select c.oid::regclass as name, c.relkind from pg_class c
                         join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and pg_get_userbyid(c.relowner) = 'postgres'
                           and c.relkind in ('r', 'p', 'v', 'm', 'S') order by c.relkind desc loop
                    begin
                        execute format('alter %s %s owner to deskledger_owner',
                            case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                           when 'm' then 'materialized view' else 'table' end, r.name);
                    exception when others then
                        null; -- a sequence owned by a table's column moved with its table
                    end;
                end loop;
                for r in select p.oid::regprocedure as name from pg_proc p
                         join pg_namespace n on n.oid = p.pronamespace
                         where n.nspname = 'public' and pg_get_userbyid(p.proowner) = 'postgres' loop
                    execute format('alter function %s owner to deskledger_owner', r.name);
                end loop;
            end
            $$""";

    private static void role(Statement s, String role, String password) throws SQLException {
        boolean exists;
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rs.next();
        }
        s.execute((exists ? "alter role " : "create role ") + role + " login nosuperuser nocreatedb nocreaterole"
                + " noreplication nobypassrls password '" + password + "'");
    }

    /** Every line of {@code pg_hba.conf} that trusts a connection asks for a password instead. */
    private void requirePasswords() {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
            List<String> secured = lines.stream().map(line -> line.strip().startsWith("#") ? line
                    : line.replaceAll("\\btrust\\b", "scram-sha-256")).toList();
            if (secured.equals(lines)) {
                return;
            }
            Files.write(hba, secured, StandardCharsets.UTF_8);
            try (Connection admin = postgres.getDatabase(USER, "postgres",
                    java.util.Map.of("password", credentials.superuser())).getConnection();
                 Statement s = admin.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL now asks every connection for a password (credentials in {})",
                    root.resolve(CREDENTIALS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not secure " + hba, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not reload the embedded database's configuration", e);
        }
    }

    /** Stops PostgreSQL (a fast shutdown: open sessions are ended) and gives up the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped, data kept in {}", dataDirectory);
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            owner.release();
        }
    }

    private void createDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the embedded database", e);
        }
    }

    /**
     * A DeskLedger of a version before the owner file, or any other user of zonky, holds zonky's lock while its
     * server runs: refuse rather than stop that server. (zonky would refuse too, but only after the server was gone.)
     */
    private static void refuseIfZonkyLockHeld(Path root, Path pgData) throws IOException {
        Path lockFile = pgData.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException thisJvm) {
                lock = null;
            }
            if (lock == null) {
                throw new DataDirectoryInUseException(root, OptionalLong.empty(), Postmaster.read(pgData));
            }
            lock.release();
        }
    }

    /**
     * Stops a server that a dead owner left running (a JVM killed with {@code kill -9} takes its lock with it but not
     * the postmaster it started). Only called while this process owns the directory, so the server is nobody's.
     */
    private static void stopOrphan(Path pgData) {
        Optional<Postmaster> postmaster = Postmaster.read(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> isPostgresOf(p, pgData));
        if (process.isEmpty()) {
            return; // a stale postmaster.pid: PostgreSQL itself deals with it when it starts
        }
        ProcessHandle orphan = process.get();
        log.warn("Stopping the embedded PostgreSQL (process {}) in {} that an instance which is no longer running "
                + "left behind", pid, pgData);
        if (!fastShutdown(orphan)) {
            orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        }
        try {
            orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL (process {}) did not stop within {}: killing it", pid, ORPHAN_STOP_WAIT);
            orphan.destroyForcibly();
            orphan.onExit().join();
        }
    }

    /** The process is a PostgreSQL server, of this data directory when its command line can be read. */
    private static boolean isPostgresOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        if (!info.command().orElse("").contains("postgres")) {
            return false;
        }
        return info.commandLine().map(line -> line.contains(pgData.toString())).orElse(true);
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown: ends any session still open instead of waiting for it (a plain SIGTERM is
     * its smart shutdown). Through {@code kill}: Java sends only SIGTERM and SIGKILL, and {@code pg_ctl} refuses to
     * run as root, as DeskLedger often does in a container (zonky runs its binaries in a user namespace for that).
     */
    private static boolean fastShutdown(ProcessHandle orphan) {
        if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(orphan.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What {@code postmaster.pid} says of a server: its process id (line 1) and port (line 4). */
    record Postmaster(long pid, OptionalLong port) {

        static Optional<Postmaster> read(Path pgData) {
            Path pidFile = pgData.resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                long pid = Long.parseLong(lines.get(0).trim());
                OptionalLong port = lines.size() > 3 && lines.get(3).trim().matches("\\d+")
                        ? OptionalLong.of(Long.parseLong(lines.get(3).trim())) : OptionalLong.empty();
                return Optional.of(new Postmaster(pid, port));
            } catch (IOException | RuntimeException absentOrUnreadable) {
                return Optional.empty();
            }
        }
    }

    /** The lock that makes this process the data directory's owner, held until the database is closed. */
    private static final class OwnerLock {

        private final FileChannel channel;
        private final FileLock lock;

        private OwnerLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static OwnerLock acquire(Path root, Path pgData) throws IOException {
            Path file = root.resolve(OWNER_FILE);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException thisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(root, readPid(file), Postmaster.read(pgData));
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new OwnerLock(channel, lock);
        }

        private static OptionalLong readPid(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
                return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
            } catch (IOException | RuntimeException unreadable) {
                return OptionalLong.empty();
            }
        }

        void release() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                log.debug("owner lock already released: {}", e.getMessage());
            }
        }
    }
}
