package com.deskledger.query.web;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many events each view's processor has handled, per segment, in {@code view_event_count}: counted by a handler
 * interceptor of every streaming processor and written once a batch, in the batch's transaction, so the count
 * always goes with the committed token. A replay starts it again: a reset handler, registered into each view's
 * processing group, deletes the group's counts in the transaction that resets its tokens.
 * <p>
 * Why: a view can skip an event for good without any error (AxonFramework #4829, see README "Every view exact"), and
 * a skipped event that changes nothing the view shows is invisible to a comparison of rows. The view verification
 * counts, from the event store, the events each segment's token has passed that its processor handles, and compares.
 * A count of {@code null} is unknown: the view had a position before counting began (migration V60), and stays
 * unknown until its next replay.
 */
@Configuration
public class ViewEventCounts {

    private static final String BATCH_COUNTS = ViewEventCounts.class.getName() + ".batch";
    private static final String VIEWS_PACKAGE = "com.deskledger.query.";

    private final JdbcTemplate jdbc;

    public ViewEventCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed count per segment; a segment with a count of its own but nothing handled yet reads 0. */
    public Map<Integer, Optional<Long>> counts(String processor) {
        Map<Integer, Optional<Long>> counts = new TreeMap<>();
        jdbc.query("select segment, events from view_event_count where processor_name = ?", rs -> {
            long events = rs.getLong("events");
            counts.put(rs.getInt("segment"), rs.wasNull() ? Optional.empty() : Optional.of(events));
        }, processor);
        return counts;
    }

    @Bean
    ConfigurerModule viewEventCounting(ListableBeanFactory beans) {
        return configurer -> {
            for (String group : viewGroups(beans)) {
                configurer.eventProcessing()
                        .registerEventHandler(config -> new CountReset(group, jdbc))
                        .assignHandlerInstancesMatching(group, Integer.MAX_VALUE,
                                handler -> handler instanceof CountReset reset && reset.processor.equals(group));
            }
            configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) -> counter(processor));
        };
    }

    /** The processing groups of the query side's projections. */
    private static Set<String> viewGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (type != null && group != null && type.getName().startsWith(VIEWS_PACKAGE)) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    /** Counts each handled event of a streaming processor's batch (a subscribing one has no segment: not counted). */
    private MessageHandlerInterceptor<EventMessage<?>> counter(String processor) {
        String segmentKey = "Processor[" + processor + "]/SegmentId";
        return (unitOfWork, chain) -> {
            if (unitOfWork.getResource(segmentKey) instanceof Integer segment) {
                long[] count = batchCount(unitOfWork.root(), processor, segment);
                count[0]++;
            }
            return chain.proceed();
        };
    }

    private long[] batchCount(UnitOfWork<?> batch, String processor, int segment) {
        return batch.getOrComputeResource(BATCH_COUNTS, key -> {
            long[] count = {0};
            batch.onPrepareCommit(u -> jdbc.update("""
                    insert into view_event_count (processor_name, segment, events) values (?, ?, ?)
                    on conflict (processor_name, segment)
                    do update set events = view_event_count.events + excluded.events""",
                    processor, segment, count[0]));
            return count;
        });
    }

    /** Put into each view's processing group: a reset (a replay) starts the group's counts again. */
    static final class CountReset {

        private final String processor;
        private final JdbcTemplate jdbc;

        CountReset(String processor, JdbcTemplate jdbc) {
            this.processor = processor;
            this.jdbc = jdbc;
        }

        @ResetHandler
        void reset() {
            jdbc.update("delete from view_event_count where processor_name = ?", processor);
        }
    }
}
