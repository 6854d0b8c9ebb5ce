package com.deskledger.infra.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Commits on one node wake the others, through PostgreSQL's own {@code LISTEN/NOTIFY}: right after a unit of work
 * that appended events commits, this node sends {@code NOTIFY deskledger_commits} with
 * {@code {"node", "centres", "position"}} (ids and a number, no personal data; commits that come while a notice is
 * being sent share the next one), and every other node, listening on a connection of its own, wakes its views'
 * processors and its event store's reader and tells its open dashboards. The committing node's own processors and
 * dashboards are woken in-process as before (the fast path); a node ignores its own notices.
 * <p>
 * A notice can be lost (the listening connection broke, a node was busy reconnecting): nothing depends on it but
 * speed, since processors still look every 500 ms and pages still refetch with {@code ?position=}. After a
 * reconnection the node wakes its processors once, for whatever it missed meanwhile.
 */
@Component
public class ClusterNotices implements SmartLifecycle {

    /** The channel of commit notices. */
    static final String CHANNEL = "deskledger_commits";

    private static final Logger log = LoggerFactory.getLogger(ClusterNotices.class);
    private static final long LISTEN_WAIT_MILLIS = 1000;
    private static final long RECONNECT_MILLIS = 1000;

    /** A commit on another node: its centres and the store's head after it. */
    public record Notice(String node, List<String> centres, long position) {
    }

    private final JdbcTemplate jdbc;
    private final DataSourceProperties database;
    private final ObjectProvider<EventStore> eventStore;
    private final ObjectMapper json;
    private final String self;
    private final boolean enabled;
    private final List<Consumer<Notice>> handlers = new CopyOnWriteArrayList<>();
    private final Set<String> pendingCentres = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sendScheduled = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-notify");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection listening;
    private volatile org.axonframework.common.Registration subscription;

    public ClusterNotices(JdbcTemplate jdbc, DataSourceProperties database, ObjectProvider<EventStore> eventStore,
                          ObjectMapper json, @Value("${deskledger.node.id}") String self,
                          @Value("${deskledger.cluster.notify:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.database = database;
        this.eventStore = eventStore;
        this.json = json;
        this.self = self;
        this.enabled = enabled;
    }

    /** Called for every commit another node announces (on the listening thread: keep it short). */
    public void onNotice(Consumer<Notice> handler) {
        handlers.add(handler);
    }

    private void appended(List<? extends EventMessage<?>> events) {
        Set<String> centres = new TreeSet<>();
        for (EventMessage<?> event : events) {
            Object centre = event.getMetaData().get("centre");
            if (centre != null) {
                centres.add(centre.toString());
            }
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> committed(centres));
        } else {
            committed(centres);
        }
    }

    private void committed(Set<String> centres) {
        pendingCentres.addAll(centres);
        if (sendScheduled.compareAndSet(false, true)) {
            sender.execute(this::send);
        }
    }

    private void send() {
        sendScheduled.set(false);
        List<String> centres = new ArrayList<>(pendingCentres);
        pendingCentres.removeAll(centres);
        try {
            String list = json.writeValueAsString(centres);
            jdbc.query("""
                    select pg_notify(?, json_build_object('node', ?::text, 'centres', ?::json,
                           'position', (select max(globalindex) from domainevententry))::text)""",
                    rs -> { }, CHANNEL, self, list);
        } catch (DataAccessException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // the database went away right after the commit: the other nodes find the events by their own look
            log.debug("no commit notice sent: {}", e.getClass().getSimpleName());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                deliver(new Notice("", List.of(), -1));
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) LISTEN_WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        Notice notice = parse(notification.getParameter());
                        if (notice != null && !self.equals(notice.node())) {
                            deliver(notice);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("commit notices: listening connection lost ({}), listening again",
                            e.getClass().getSimpleName());
                    try {
                        Thread.sleep(RECONNECT_MILLIS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                listening = null;
            }
        }
    }

    /**
     * A connection of its own, outside the pool: a pooled connection that listened would go on collecting every
     * notice in the driver's memory once handed to someone else. Its socket timeout is long enough for the waits.
     */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String user = database.determineUsername();
        String password = database.determinePassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "3");
        properties.setProperty("socketTimeout", "300");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "deskledger-listen");
        return DriverManager.getConnection(database.determineUrl(), properties);
    }

    private Notice parse(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            List<String> centres = new ArrayList<>();
            node.path("centres").forEach(c -> centres.add(c.asText()));
            return new Notice(node.path("node").asText(), centres, node.path("position").asLong(-1));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private void deliver(Notice notice) {
        if (eventStore.getIfAvailable() instanceof com.deskledger.infra.axon.WakeableEventStore store) {
            store.committedElsewhere();
        }
        for (Consumer<Notice> handler : handlers) {
            try {
                handler.accept(notice);
            } catch (RuntimeException e) {
                log.debug("a commit notice's handler failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        subscription = eventStore.getObject().subscribe(this::appended);
        Thread thread = new Thread(this::listen, "cluster-listen");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (subscription != null) {
            subscription.cancel();
        }
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            Connection connection = listening;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.debug("closing the listening connection: {}", e.getClass().getSimpleName());
                }
            }
        }
        sender.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
