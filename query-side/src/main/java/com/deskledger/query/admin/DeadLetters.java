package com.deskledger.query.admin;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of the views: events a projection could not apply, with the later events of the same aggregate
 * queued behind them (Axon's {@code JdbcSequencedDeadLetterQueue}, table {@code deadletterentry}). Read with plain
 * SQL (no payload is deserialized to count or list them); retried and evicted through Axon's queue.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One view's dead letters at a glance. */
    public record Summary(long letters, long sequences, Instant oldest) {
    }

    /** One dead letter, without its payload: the cause is an exception class and an SQLState, never a value. */
    public record Letter(String id, String sequence, long index, String eventId, String eventType,
                         String aggregateType, Long aggregateSequence, Instant enqueuedAt, Instant lastTouched,
                         String causeType, String causeMessage) {
    }

    /** What a retry of one sequence did: applied and gone, or still queued and why (no personal data). */
    public record RetryOutcome(String sequence, boolean applied, String causeType, String sqlState) {
    }

    /** Every view that has dead letters, by processing group. */
    public Map<String, Summary> summaries() {
        Map<String, Summary> found = new HashMap<>();
        jdbc.query("""
                select processinggroup, count(*) as letters, count(distinct sequenceidentifier) as sequences,
                    min(enqueuedat) as oldest
                from deadletterentry group by processinggroup""", rs -> {
            found.put(rs.getString("processinggroup"), new Summary(rs.getLong("letters"), rs.getLong("sequences"),
                    Instant.parse(rs.getString("oldest"))));
        });
        return found;
    }

    public Summary summary(String view) {
        return summaries().getOrDefault(view, new Summary(0, 0, null));
    }

    /** A view's dead letters, oldest sequence first and in order within each sequence. */
    public List<Letter> letters(String view, int limit) {
        queue(view);
        return jdbc.query("""
                select d.* from deadletterentry d
                join (select sequenceidentifier, min(enqueuedat) as first from deadletterentry
                      where processinggroup = ? group by sequenceidentifier) s
                  on s.sequenceidentifier = d.sequenceidentifier
                where d.processinggroup = ?
                order by s.first, d.sequenceidentifier, d.sequenceindex
                limit ?""", (rs, n) -> new Letter(rs.getString("deadletteridentifier"),
                rs.getString("sequenceidentifier"), rs.getLong("sequenceindex"), rs.getString("eventidentifier"),
                simpleName(rs.getString("payloadtype")), rs.getString("type"),
                (Long) rs.getObject("sequencenumber"), instant(rs.getString("enqueuedat")),
                instant(rs.getString("lasttouched")), rs.getString("causetype"), rs.getString("causemessage")),
                view, view, limit);
    }

    /**
     * Processes one sequence again through the view's own handlers (after a fix). All or nothing: the sequence's
     * letters and what their handlers write commit together, or, at the first letter that still fails, nothing
     * changes at all (a view writes at commit, so a half-applied letter could not be undone otherwise).
     */
    public RetryOutcome retry(String view, String sequence) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(view);
        if (!has(view, sequence)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no dead letters in that sequence");
        }
        boolean[] applied = {false};
        SafeCause[] thrown = {null};
        SafeCause failure = DeadLetterPolicy.retrying(() -> {
            try {
                transaction.executeWithoutResult(status -> {
                    applied[0] = processor.process(letter -> sequence.equals(sequenceOf(letter)));
                    if (!applied[0]) {
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException e) {
                applied[0] = false;
                thrown[0] = SafeCause.of(e);
            }
        });
        SafeCause cause = failure != null ? failure : thrown[0];
        forgetKnownSequences(view);
        if (applied[0] && cause == null) {
            return new RetryOutcome(sequence, true, null, null);
        }
        return new RetryOutcome(sequence, false, cause == null ? null : cause.type(),
                cause == null ? null : cause.sqlState());
    }

    /** Retries every sequence of the view, oldest first. */
    public List<RetryOutcome> retryAll(String view) {
        processor(view);
        List<RetryOutcome> outcomes = new ArrayList<>();
        for (String sequence : sequences(view)) {
            outcomes.add(retry(view, sequence));
        }
        return outcomes;
    }

    /** Drops a sequence's letters for good: the view will never apply those events (until a replay). */
    public long evict(String view, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(view);
        Long evicted = transaction.execute(status -> {
            long count = 0;
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            for (DeadLetter<? extends EventMessage<?>> letter : letters) {
                queue.evict(letter);
                count++;
            }
            return count;
        });
        if (evicted == null || evicted == 0) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no dead letters in that sequence");
        }
        forgetKnownSequences(view);
        return evicted;
    }

    /**
     * The dead-lettering invoker remembers per segment whether the queue was empty when it started; once it was
     * not, it asks the database about every aggregate it meets. After a retry or an eviction it starts afresh, so
     * a view whose queue is empty again costs no query per event.
     */
    private void forgetKnownSequences(String view) {
        processing.sequencedDeadLetterProcessor(view)
                .filter(DeadLetteringEventHandlerInvoker.class::isInstance)
                .map(DeadLetteringEventHandlerInvoker.class::cast)
                .ifPresent(invoker -> processing.eventProcessor(view, StreamingEventProcessor.class)
                        .ifPresent(processor -> processor.processingStatus().values()
                                .forEach(status -> invoker.segmentReleased(status.getSegment()))));
    }

    /** The identifiers of the events a view holds as dead letters (its verification leaves them out as well). */
    public List<String> eventIds(String view) {
        return jdbc.queryForList("select eventidentifier from deadletterentry where processinggroup = ?",
                String.class, view);
    }

    private List<String> sequences(String view) {
        return jdbc.queryForList("""
                select sequenceidentifier from deadletterentry where processinggroup = ?
                group by sequenceidentifier order by min(enqueuedat), sequenceidentifier""", String.class, view);
    }

    private boolean has(String view, String sequence) {
        Long count = jdbc.queryForObject("""
                select count(*) from deadletterentry where processinggroup = ? and sequenceidentifier = ?""",
                Long.class, view, sequence);
        return count != null && count > 0;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String view) {
        if (!processing.eventProcessors().containsKey(view)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such projection");
        }
        return processing.deadLetterQueue(view).orElseThrow(() -> new DomainException(ErrorCode.NOT_REPLAYABLE,
                "this processor is not a projection and keeps no dead letters"));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String view) {
        queue(view);
        return processing.sequencedDeadLetterProcessor(view).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_REPLAYABLE, "this processor is not a projection and keeps no dead letters"));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier() : null;
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
