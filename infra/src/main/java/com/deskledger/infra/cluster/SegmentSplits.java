package com.deskledger.infra.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings every view up to {@code deskledger.processors.initial-segments} segments when it has fewer: Axon applies
 * the count only when a view's tokens are first made, so a store whose views were made with one segment (every
 * store before several nodes were supported) would keep them on one node for good. Every
 * {@code deskledger.cluster.split-interval} a node splits the widest segment of such a view that it holds or that no
 * node holds (Axon's own split: the segment is claimed, its token copied to the new half, then released), one split
 * per view at a time, until the count is reached. A view is never merged down to a lower count.
 */
@Component
class SegmentSplits implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentSplits.class);
    private static final long SPLIT_TIMEOUT_SECONDS = 30;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final int wanted;
    private final String self;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-splits");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    SegmentSplits(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                  @Value("${deskledger.processors.initial-segments:4}") int wanted,
                  @Value("${deskledger.node.id}") String self,
                  @Value("${deskledger.cluster.split-interval:PT5S}") Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.wanted = wanted;
        this.self = self;
        this.interval = interval;
    }

    private void splitWhereFewer() {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!running) {
                return;
            }
            if (!(processor instanceof StreamingEventProcessor streaming) || !processor.isRunning()) {
                continue;
            }
            List<Integer> all = new ArrayList<>();
            List<Integer> ours = new ArrayList<>();
            jdbc.query("select segment, owner from tokenentry where processorname = ?", rs -> {
                int segment = rs.getInt("segment");
                String owner = rs.getString("owner");
                all.add(segment);
                if (owner == null || owner.equals(self)) {
                    ours.add(segment);
                }
            }, processor.getName());
            int[] ids = all.stream().mapToInt(Integer::intValue).toArray();
            if (ids.length == 0 || ids.length >= wanted || ours.isEmpty()) {
                continue;
            }
            int widest = widest(ids, ours);
            try {
                boolean split = streaming.splitSegment(widest).get(SPLIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (split) {
                    log.info("Split segment {} of {} ({} of {} segments)", widest, processor.getName(),
                            ids.length + 1, wanted);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // another node holds it, or the processor stopped meanwhile: tried again at the next look
                log.debug("could not split segment {} of {}: {}", widest, processor.getName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Among the candidates (the segments this node holds or no node does: another node's claim would make the split
     * fail), the one covering the most sequences (the smallest mask), the lowest id among equals.
     */
    static int widest(int[] ids, List<Integer> candidates) {
        List<Segment> segments = candidates.stream().map(id -> Segment.computeSegment(id, ids)).toList();
        return segments.stream()
                .min(Comparator.comparingInt(Segment::getMask).thenComparingInt(Segment::getSegmentId))
                .orElseThrow().getSegmentId();
    }

    @Override
    public void start() {
        running = true;
        timer.scheduleWithFixedDelay(() -> {
            try {
                splitWhereFewer();
            } catch (RuntimeException e) {
                log.debug("segment splits: {}", e.getClass().getSimpleName());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
