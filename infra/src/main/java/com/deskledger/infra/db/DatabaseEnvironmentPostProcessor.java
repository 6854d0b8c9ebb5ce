package com.deskledger.infra.db;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses the database before anything connects: {@code DESKLEDGER_DB_URL} (with {@code DESKLEDGER_DB_USER} and
 * {@code DESKLEDGER_DB_PASSWORD}) or {@code spring.datasource.url} when given; otherwise an embedded PostgreSQL in
 * {@code deskledger.data-dir} (default {@code ./data}), with the demo users switched on unless configured off, and
 * the application's keys in {@code <data-dir>-keys} (made at the first start) unless configured elsewhere. On the
 * embedded server the application connects as {@value EmbeddedDatabase#APP_ROLE} and Flyway as
 * {@value EmbeddedDatabase#OWNER_ROLE}, with the passwords {@link EmbeddedDatabase#secure()} generated.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "deskledger-database";

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String external = env.getProperty("DESKLEDGER_DB_URL");
        if (external != null && !external.isBlank()) {
            props.put("spring.datasource.url", external);
            putIfSet(env, props, "DESKLEDGER_DB_USER", "spring.datasource.username");
            putIfSet(env, props, "DESKLEDGER_DB_PASSWORD", "spring.datasource.password");
        } else if (env.getProperty("spring.datasource.url") == null) {
            Path dataDir = Path.of(env.getProperty("deskledger.data-dir", "./data"));
            EmbeddedDatabase db = EmbeddedDatabase.start(dataDir,
                    env.getProperty("deskledger.embedded.port", Integer.class, 0));
            log.info("Embedded PostgreSQL on port " + db.port() + ", data kept in " + db.dataDirectory()
                    + " (set DESKLEDGER_DB_URL or spring.datasource.url to use another server)");
            application.addListeners(new EmbeddedDatabaseStopOrder());
            // least privilege: the application connects as a role that owns nothing, Flyway migrates as the owner
            DatabaseCredentials credentials = db.credentials();
            props.put("spring.datasource.url", db.applicationJdbcUrl());
            props.put("spring.datasource.username", EmbeddedDatabase.APP_ROLE);
            props.put("spring.datasource.password", credentials.app());
            props.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
            props.put("spring.flyway.password", credentials.owner());
            props.put("deskledger.db.app-role", EmbeddedDatabase.APP_ROLE);
            props.put("deskledger.embedded", "true");
            if (env.getProperty("deskledger.demo-users") == null) {
                props.put("deskledger.demo-users", "true");
            }
            // the application's signing keys sit beside the data directory, never inside it: a copy of the database
            // (its files, a dump, a backup) does not carry them
            if (env.getProperty("deskledger.keys.dir") == null) {
                Path absolute = dataDir.toAbsolutePath().normalize();
                props.put("deskledger.keys.dir", absolute.resolveSibling(absolute.getFileName() + "-keys").toString());
                if (env.getProperty("deskledger.keys.generate") == null) {
                    props.put("deskledger.keys.generate", "true");
                }
            }
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, props));
        }
    }

    private static void putIfSet(ConfigurableEnvironment env, Map<String, Object> props, String from, String to) {
        String value = env.getProperty(from);
        if (value != null) {
            props.put(to, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
