package com.deskledger.infra.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code db} health: can the database be reached right now? It opens a connection of its own with one-second
 * connect, login and socket timeouts and runs {@code select 1}, so it answers within about a second whatever the
 * pool is doing: DOWN as soon as PostgreSQL refuses connections (a stopped or killed server, one shutting down or
 * still starting), UP as soon as it accepts them again. Spring Boot's own indicator borrows from the pool and
 * validates, and took ~10 s to say DOWN after the postmaster was killed (it waited out a dead connection's
 * validation and the pool's connection timeout).
 *
 * <p>A busy pool is not a database outage, so the probe does not wait for one; the pool's figures are in the
 * details. The bean's name replaces Spring Boot's {@code dbHealthIndicator}.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);

    private final DataSourceProperties properties;
    private final DataSource dataSource;

    DatabaseHealthIndicator(DataSourceProperties properties, DataSource dataSource) {
        this.properties = properties;
        this.dataSource = dataSource;
    }

    /** DOWN with the driver's SQLState, no stack trace: a probe polled during an outage must not flood the log. */
    @Override
    public Health health() {
        Health.Builder health = probe();
        pool().ifPresent(pool -> health.withDetail("pool", Map.of("active", pool.getActiveConnections(),
                "idle", pool.getIdleConnections(), "waiting", pool.getThreadsAwaitingConnection())));
        return health.build();
    }

    private Health.Builder probe() {
        try {
            return connect();
        } catch (SQLException e) {
            log.debug("database health probe failed: {} ({})", e.getMessage(), e.getSQLState());
            return Health.down().withDetail("error", e.getClass().getSimpleName())
                    .withDetail("sqlState", String.valueOf(e.getSQLState()));
        }
    }

    private Health.Builder connect() throws SQLException {
        Properties connection = new Properties();
        String user = properties.determineUsername();
        String password = properties.determinePassword();
        if (user != null) {
            connection.setProperty("user", user);
        }
        if (password != null) {
            connection.setProperty("password", password);
        }
        String seconds = Long.toString(PROBE_TIMEOUT.toSeconds());
        // PostgreSQL's driver: seconds for the TCP connect, the whole login, and any wait for the server's answer
        connection.setProperty("connectTimeout", seconds);
        connection.setProperty("loginTimeout", seconds);
        connection.setProperty("socketTimeout", seconds);
        connection.setProperty("ApplicationName", "deskledger-health");
        try (Connection c = DriverManager.getConnection(properties.determineUrl(), connection);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
            return Health.up().withDetail("database", c.getMetaData().getDatabaseProductName());
        }
    }

    private Optional<HikariPoolMXBean> pool() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return Optional.ofNullable(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean());
            }
        } catch (SQLException notAPool) {
            log.trace("no pool figures: {}", notAPool.getMessage());
        }
        return Optional.empty();
    }
}
