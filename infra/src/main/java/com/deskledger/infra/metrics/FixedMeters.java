package com.deskledger.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters Axon's dimensional Micrometer monitors keep for a bus or an event processor, under the same names and
 * tags ({@code <name>.allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer},
 * {@code .ingestedCounter}, {@code .successCounter}, {@code .failureCounter}, {@code .processedCounter},
 * {@code .ignoredCounter}, tagged with the payload type, and for a processor {@code .latency}), registered once per
 * payload type instead of looked up for every message.
 * <p>
 * Axon's monitors look up ten meters in the registry for every message they see (a hash of each meter's name and
 * tags) and keep client-side percentiles of every timer in time-window histograms. With seven views and two buses
 * seeing each event, a flight recording of the benchmark's command load found a tenth of the application's CPU in
 * that bookkeeping. These timers publish count, total and max; percentiles belong to the metrics server.
 * <p>
 * Still needed with Axon 4.13.0: its Micrometer module is unchanged since 4.12.2 (checked against the framework's
 * source), so its monitors still look the meters up per message.
 */
final class FixedMeters implements MessageMonitor<Message<?>> {

    private final String name;
    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong latencyMillis;

    private FixedMeters(String name, MeterRegistry registry, Tags tags, boolean latency) {
        this.name = name;
        this.registry = registry;
        this.tags = tags;
        if (latency) {
            latencyMillis = new AtomicLong();
            Gauge.builder(name + ".latency", latencyMillis::get).tags(tags).register(registry);
        } else {
            latencyMillis = null;
        }
    }

    /** A command, event or query bus: timers and counters per payload type. */
    static FixedMeters bus(String name, MeterRegistry registry) {
        return new FixedMeters(name, registry, Tags.empty(), false);
    }

    /**
     * An event processor, as Axon names it: {@code eventProcessor.*} tagged with the processor's name, and how old
     * the last event it took in was when it did.
     */
    static FixedMeters processor(String processorName, MeterRegistry registry) {
        return new FixedMeters("eventProcessor", registry, Tags.of("processorName", processorName), true);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersFor);
        meters.ingested.increment();
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
            latencyMillis.set(System.currentTimeMillis() - event.getTimestamp().toEpochMilli());
        }
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.record(start, meters.successTimer, meters.success);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.record(start, meters.failureTimer, meters.failure);
            }

            @Override
            public void reportIgnored() {
                meters.record(start, meters.ignoredTimer, meters.ignored);
            }
        };
    }

    private Meters metersFor(Class<?> payloadType) {
        Tags typed = tags.and("payloadType", payloadType.getSimpleName());
        return new Meters(timer("allTimer", typed), timer("successTimer", typed), timer("failureTimer", typed),
                timer("ignoredTimer", typed), registry.counter(name + ".ingestedCounter", typed),
                registry.counter(name + ".successCounter", typed), registry.counter(name + ".failureCounter", typed),
                registry.counter(name + ".processedCounter", typed), registry.counter(name + ".ignoredCounter", typed));
    }

    private Timer timer(String suffix, Tags typed) {
        return Timer.builder(name + "." + suffix).tags(typed).register(registry);
    }

    private record Meters(Timer allTimer, Timer successTimer, Timer failureTimer, Timer ignoredTimer,
                          Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored) {

        void record(long start, Timer outcomeTimer, Counter outcome) {
            long nanos = System.nanoTime() - start;
            allTimer.record(nanos, TimeUnit.NANOSECONDS);
            outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
            processed.increment();
            outcome.increment();
        }
    }
}
