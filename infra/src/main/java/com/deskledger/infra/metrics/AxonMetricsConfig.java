package com.deskledger.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dimensional metrics for every bus and processor (as {@code axon.metrics.micrometer.dimensional} names
 * them), with meters registered once ({@link FixedMeters}) and without the
 * {@code CapacityMonitor}: that monitor keeps each measurement of its one-minute window in a
 * {@code ConcurrentSkipListMap}, so seven processors catching up a million events (thousands a second each) filled
 * the 512 MB heap of the benchmark's application until it failed with an OutOfMemoryError (BENCHMARKS.md).
 */
@Configuration
class AxonMetricsConfig {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new GlobalMetricRegistry(meters) {
            @Override
            public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                                         String componentName) {
                if (EventProcessor.class.isAssignableFrom(componentType)) {
                    return FixedMeters.processor(componentName, getRegistry());
                }
                if (CommandBus.class.isAssignableFrom(componentType) || EventBus.class.isAssignableFrom(componentType)
                        || QueryBus.class.isAssignableFrom(componentType)
                        || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
                    return FixedMeters.bus(componentName, getRegistry());
                }
                return super.registerComponentWithDefaultTags(componentType, componentName);
            }
        };
    }
}
