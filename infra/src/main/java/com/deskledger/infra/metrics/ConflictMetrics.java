package com.deskledger.infra.metrics;

import com.deskledger.command.web.ConflictRetries;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;

/**
 * Concurrency conflicts between nodes, as {@code deskledger_command_conflicts_total}: {@code outcome="retried"}
 * counts attempts that met a concurrent change and were tried again, {@code outcome="rejected"} commands answered
 * 409 because their last attempt met one too.
 */
@Configuration
class ConflictMetrics {

    ConflictMetrics(MeterRegistry registry, ConflictRetries conflicts) {
        FunctionCounter.builder("deskledger.command.conflicts", conflicts, ConflictRetries::retried)
                .description("Commands that met a concurrent change of their record")
                .tag("outcome", "retried").register(registry);
        FunctionCounter.builder("deskledger.command.conflicts", conflicts, ConflictRetries::rejected)
                .description("Commands that met a concurrent change of their record")
                .tag("outcome", "rejected").register(registry);
    }
}
