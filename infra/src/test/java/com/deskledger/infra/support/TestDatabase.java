package com.deskledger.infra.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database for one test run. With {@code DESKLEDGER_TEST_DB_URL} (an admin connection to a
 * server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) a new database is created on that server;
 * otherwise an embedded PostgreSQL is started in a throw-away directory, so the tests need nothing but a JDK.
 */
public final class TestDatabase {

    private static final String PREFIX = "deskledger_it_";
    private static final long STALE_SECONDS = 6 * 3600;

    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    /** Points {@code spring.datasource.*} at the test database (once per JVM). */
    public static synchronized void install() {
        if (url == null) {
            String server = System.getenv("DESKLEDGER_TEST_DB_URL");
            if (server != null && !server.isBlank()) {
                user = env("DESKLEDGER_TEST_DB_USER", "postgres");
                password = env("DESKLEDGER_TEST_DB_PASSWORD", "");
                url = createOn(server);
            } else {
                startEmbedded();
            }
        }
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", user);
        System.setProperty("spring.datasource.password", password);
    }

    public static String url() {
        return url;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String createOn(String server) {
        long now = System.currentTimeMillis() / 1000;
        String name = PREFIX + now + "_" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (Connection c = DriverManager.getConnection(server, user, password);
             Statement s = c.createStatement()) {
            dropStale(s, now);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + server, e);
        }
        return server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    /** Test databases of runs older than six hours are dropped, so a shared server does not fill up. */
    private static void dropStale(Statement s, long now) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                try {
                    if (now - Long.parseLong(parts[0]) > STALE_SECONDS) {
                        stale.add(name);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            try {
                s.execute("drop database if exists " + name);
            } catch (SQLException inUse) {
                // still in use by a running test: leave it
            }
        }
    }

    private static void startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            user = "postgres";
            password = "";
            url = postgres.getJdbcUrl(user, "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL for the tests", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
