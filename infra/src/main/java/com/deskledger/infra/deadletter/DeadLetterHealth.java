package com.deskledger.infra.deadletter;

import com.deskledger.query.admin.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The views' dead letters in the node's health and metrics. While any view holds dead letters the health is
 * {@code DEGRADED}: the node serves every request and every other aggregate, so {@code application.yml} maps the
 * status to HTTP 200 and orders it between {@code OUT_OF_SERVICE} and {@code UP} (a load balancer keeps the node;
 * monitoring sees the word). The readiness and liveness probes do not include it. The gauge
 * {@code deskledger_dead_letters{view}} is the number of dead letters each view holds now.
 * <p>
 * The figures are read once a second by a thread of this indicator, never by a health request: a public health
 * check must neither wait for a pooled connection nor fail while the database is away (the {@code db} indicator
 * reports that, within its own 1 s), and scrapes, the meters of every view and health checks share one query. While
 * the dead letters cannot be read, the last figures read stand and the details say since when they are stale.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a view holds events it could not apply");

    private final DeadLetters deadLetters;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, DeadLetters.Summary> cached = Map.of();
    private volatile boolean stale;

    DeadLetterHealth(DeadLetters deadLetters, ListableBeanFactory beans, EventProcessorProperties properties,
                     MeterRegistry meters) {
        this.deadLetters = deadLetters;
        for (String view : DeadLetterConfig.projections(beans, properties)) {
            Gauge.builder("deskledger.dead.letters", this, health -> health.summaries().containsKey(view)
                            ? health.summaries().get(view).letters() : 0)
                    .description("Dead letters a view holds now: events it could not apply, and the later events "
                            + "of their aggregates")
                    .tag("view", view).register(meters);
        }
        reader.scheduleWithFixedDelay(this::read, 0, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    @Override
    public Health health() {
        Map<String, DeadLetters.Summary> now = new TreeMap<>(summaries());
        if (now.isEmpty()) {
            return stale ? Health.up().withDetail("stale", true).build() : Health.up().build();
        }
        Health.Builder health = Health.status(DEGRADED);
        if (stale) {
            health.withDetail("stale", true);
        }
        now.forEach((view, summary) -> health.withDetail(view, Map.of("deadLetters", summary.letters(),
                "sequences", summary.sequences(), "oldest", String.valueOf(summary.oldest()))));
        return health.build();
    }

    private Map<String, DeadLetters.Summary> summaries() {
        return cached;
    }

    private void read() {
        try {
            cached = deadLetters.summaries();
            stale = false;
        } catch (RuntimeException e) {
            // the database is away (or busy): keep the last figures, marked stale; the db indicator says DOWN
            stale = true;
        }
    }
}
