package com.deskledger.infra.metrics;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.SlaBreachedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Complaints filed by severity and SLA breaches by clock, counted in the subscribing live-metrics processor (what
 * this process appends, never twice on a replay, once the append has committed), and a gauge of each centre's open complaints read from the
 * complaints view when scraped, so it holds across restarts.
 */
@Component
@ProcessingGroup(ReceptionMetrics.PROCESSING_GROUP)
class ComplaintMetrics {

    private final MeterRegistry registry;

    ComplaintMetrics(MeterRegistry registry, CentreCatalog centres, JdbcTemplate jdbc) {
        this.registry = registry;
        for (CentreId centre : centres.centres()) {
            Gauge.builder("deskledger.complaints.open", () -> jdbc.queryForObject("""
                            select count(*) from complaint_case
                            where centre = ? and status not in ('CLOSED', 'WITHDRAWN')""", Long.class, centre.value()))
                    .description("Complaints neither closed nor withdrawn")
                    .tag("centre", centre.value())
                    .register(registry);
        }
    }

    @EventHandler
    void on(ComplaintFiledEvent event) {
        AfterCommit.run(() -> Counter.builder("deskledger.complaints.filed").description("Complaints filed")
                .tag("severity", event.severity().name()).tag("centre", event.centre().value())
                .register(registry).increment());
    }

    @EventHandler
    void on(SlaBreachedEvent event, @MetaDataValue(MetaDataKeys.CENTRE) String centre) {
        AfterCommit.run(() -> Counter.builder("deskledger.complaints.sla.breaches")
                .description("SLA targets that passed")
                .tag("clock", event.clock().name()).tag("centre", centre == null ? "unknown" : centre)
                .register(registry).increment());
    }
}
