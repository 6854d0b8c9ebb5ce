package com.deskledger.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's metrics for every bus and processor, less the {@code CapacityMonitor} of event processors: that monitor
 * keeps each measurement of its one-minute window in a {@code ConcurrentSkipListMap}, so seven processors catching
 * up a million events (thousands a second each) filled the 512 MB heap of the benchmark's application until it
 * failed with an OutOfMemoryError (BENCHMARKS.md). Timers, counters and latency stay.
 */
@Configuration
class AxonMetricsConfig {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new GlobalMetricRegistry(meters) {
            @Override
            public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                    String name, Function<Message<?>, Iterable<Tag>> tags,
                    Function<Message<?>, Iterable<Tag>> latencyTags) {
                return new MultiMessageMonitor<>(List.of(
                        MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                        EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(getRegistry())
                                .tagsBuilder(latencyTags).build(),
                        MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
            }

            @Override
            public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
                return registerEventProcessor(name, message -> List.of(), message -> List.of());
            }
        };
    }
}
