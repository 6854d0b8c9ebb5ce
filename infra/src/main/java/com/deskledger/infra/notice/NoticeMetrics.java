package com.deskledger.infra.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of the outbox, read when scraped: {@code deskledger_notices{status}} (PENDING, SENT, FAILED over all
 * centres), so monitoring sees notices piling up while the broker is off or down, and failed ones.
 */
@Component
class NoticeMetrics {

    NoticeMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        for (String status : new String[] {"PENDING", "SENT", "FAILED"}) {
            Gauge.builder("deskledger.notices", () -> jdbc.queryForObject(
                            "select count(*) from notice_outbox where status = ?", Long.class, status))
                    .description("Notices to guardians in the outbox, by delivery state")
                    .tag("status", status)
                    .register(registry);
        }
    }
}
