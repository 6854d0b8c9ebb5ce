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

import java.util.Map;
import java.util.TreeMap;

/**
 * The views' dead letters in the node's health and metrics. While any view holds dead letters the health is
 * {@code DEGRADED}: the node serves every request and every other aggregate, so {@code application.yml} maps the
 * status to HTTP 200 and orders it between {@code OUT_OF_SERVICE} and {@code UP} (a load balancer keeps the node;
 * monitoring sees the word). The readiness and liveness probes do not include it. The gauge
 * {@code deskledger_dead_letters{view}} is the number of dead letters each view holds now.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a view holds events it could not apply");
    private static final long CACHE_NANOS = 1_000_000_000L;

    private final DeadLetters deadLetters;
    private volatile Map<String, DeadLetters.Summary> cached = Map.of();
    private volatile long readAt;

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
    }

    @Override
    public Health health() {
        Map<String, DeadLetters.Summary> now = new TreeMap<>(summaries());
        if (now.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder health = Health.status(DEGRADED);
        now.forEach((view, summary) -> health.withDetail(view, Map.of("deadLetters", summary.letters(),
                "sequences", summary.sequences(), "oldest", String.valueOf(summary.oldest()))));
        return health.build();
    }

    /**
     * Read at most once a second: scrapes, the meters of every view and health checks (public, so anyone may ask
     * often) share one query.
     */
    private Map<String, DeadLetters.Summary> summaries() {
        if (System.nanoTime() - readAt > CACHE_NANOS) {
            return fresh();
        }
        return cached;
    }

    private Map<String, DeadLetters.Summary> fresh() {
        Map<String, DeadLetters.Summary> read = deadLetters.summaries();
        cached = read;
        readAt = System.nanoTime();
        return read;
    }
}
