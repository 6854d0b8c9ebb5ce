package com.deskledger.infra.dashboard;

import com.deskledger.infra.cluster.ClusterNotices;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells open dashboards that something changed: subscribed to the event store, it sends each browser of the
 * events' centres a notice {@code {"centres": [...], "position": n}} once the events are committed. No personal
 * data: the page refetches its views with {@code ?position=n}, which waits until they hold the change. Every
 * {@code deskledger.dashboard.heartbeat} (15 s by default) each stream gets a comment line, which keeps proxies from
 * closing a quiet stream, and a {@code heartbeat} event, by whose absence the page sees a connection that died
 * silently. Commits on other nodes come as their notices (see {@link ClusterNotices}), so a page open on any node
 * hears of changes made through any node.
 */
@Component
class ChangeNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final JdbcTemplate jdbc;

    private final ScheduledExecutorService heartbeats;

    ChangeNotices(EventStore eventStore, JdbcTemplate jdbc, ClusterNotices cluster,
                  @Value("${deskledger.dashboard.heartbeat:PT15S}") Duration heartbeat) {
        this.jdbc = jdbc;
        eventStore.subscribe(this::appended);
        // commits on other nodes reach this node's pages through PostgreSQL's NOTIFY
        cluster.onNotice(notice -> {
            if (notice.position() >= 0) {
                broadcast(new TreeSet<>(notice.centres()), notice.position());
            }
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, heartbeat.toMillis());
        heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream when the application stops, before the web server's graceful shutdown (which would
     * otherwise wait for these never-ending requests): the pages see the drop at once and reconnect.
     */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        for (Listener listener : listeners) {
            try {
                listener.emitter.complete();
            } catch (RuntimeException alreadyGone) {
                log.debug("dashboard stream already closed");
            }
        }
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void beat() {
        for (Listener listener : listeners) {
            try {
                listener.emitter.send(SseEmitter.event().comment("heartbeat").name("heartbeat").data("{}"));
            } catch (IOException | RuntimeException gone) {
                listeners.remove(listener);
                log.debug("dashboard stream closed");
            }
        }
    }

    /**
     * Opens a stream. The head is read first: while the database is unreachable that fails (the page gets 503 and
     * tries again, see {@code app.js}), and no listener is left behind for a stream that was never opened.
     */
    SseEmitter subscribe(Actor actor) {
        long position = head();
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        Listener listener = new Listener(emitter, actor.centres());
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(e -> listeners.remove(listener));
        send(listener, "hello", Map.of("position", position));
        return emitter;
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
            CurrentUnitOfWork.get().afterCommit(u -> broadcast(centres));
        } else {
            broadcast(centres);
        }
    }

    private void broadcast(Set<String> centres) {
        if (listeners.isEmpty()) {
            return;
        }
        long position;
        try {
            position = head();
        } catch (DataAccessException unreachable) {
            // the database went away right after the commit: the pages refetch when their streams reopen
            log.debug("no change notice: {}", unreachable.getMessage());
            return;
        }
        broadcast(centres, position);
    }

    private void broadcast(Set<String> centres, long position) {
        if (listeners.isEmpty()) {
            return;
        }
        Map<String, Object> notice = Map.of("centres", List.copyOf(centres), "position", position);
        for (Listener listener : listeners) {
            // events without a centre (none are expected) go to everyone
            if (centres.isEmpty() || centres.stream().anyMatch(c -> listener.centres.contains(CentreId.of(c)))) {
                send(listener, "changed", notice);
            }
        }
    }

    private long head() {
        Long max = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return max == null ? -1 : max;
    }

    private void send(Listener listener, String name, Object data) {
        try {
            listener.emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            listeners.remove(listener);
            log.debug("dashboard stream closed");
        }
    }

    private record Listener(SseEmitter emitter, Set<CentreId> centres) {
    }
}
