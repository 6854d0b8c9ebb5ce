package com.deskledger.infra.metrics;

import com.deskledger.kernel.visit.event.VisitStartedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Counts visits by channel and calls by whether they were answered within three rings. Runs in a subscribing
 * processor, so it counts what this process appends and a replay never counts twice; counted once the append has
 * committed ({@link AfterCommit}).
 */
@Component
@ProcessingGroup(ReceptionMetrics.PROCESSING_GROUP)
class ReceptionMetrics {

    static final String PROCESSING_GROUP = "live-metrics";
    private static final int STANDARD_RINGS = 3;

    private final MeterRegistry registry;

    ReceptionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(VisitStartedEvent event) {
        AfterCommit.run(() -> count(event));
    }

    private void count(VisitStartedEvent event) {
        Counter.builder("deskledger.visits").description("Visits and calls started")
                .tag("channel", event.channel().name()).tag("centre", event.centre().value())
                .register(registry).increment();
        if (event.channel().isCall() && event.rings() != null) {
            Counter.builder("deskledger.calls.answered").description("Calls answered, by the three-ring standard")
                    .tag("within_three_rings", Boolean.toString(event.rings() <= STANDARD_RINGS))
                    .tag("centre", event.centre().value())
                    .register(registry).increment();
        }
    }
}
