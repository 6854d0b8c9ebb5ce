package com.deskledger.query.admin;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ADMIN: every event processor with its position, its lag behind the head of the store and its status (each
 * segment with the node that holds it, read from the shared token table, so every node answers alike), and a
 * replay of one projection from the first event while the others keep serving, carried out once for all nodes;
 * each projection's dead letters (events it could not apply, see {@link DeadLetters}), to retry after a fix or to
 * evict. This is an operation on
 * the processors themselves, so it talks to Axon's processing configuration, not to the query bus.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projections", description = "Processor status, lag and replays (ADMIN)")
class ProjectionAdminController {

    private static final int MAX_LISTED_LETTERS = 500;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final TokenTable tokens;
    private final ProjectionPauses pauses;
    private final String self;

    ProjectionAdminController(EventProcessingConfiguration processing, JdbcTemplate jdbc, DeadLetters deadLetters,
                              TokenTable tokens, ProjectionPauses pauses, @Value("${deskledger.node.id}") String self) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.tokens = tokens;
        this.pauses = pauses;
        this.self = self;
    }

    /**
     * One segment of a streaming processor as the shared token table holds it: the node that holds it
     * ({@code owner}, null while none does; {@code local} when it is this node) and its position. Whether it has
     * caught up, and its error, only this node knows of the segments it holds.
     */
    record SegmentStatus(int segment, String owner, boolean local, Long position, boolean replaying,
                         Boolean caughtUp, boolean error, String errorType) {
    }

    /**
     * One processor: streaming ones have segments, a lag (events behind the head) and, replaying, progress; a
     * projection with dead letters is {@code degraded}: it goes on with every other aggregate, but the events of
     * {@code deadLetterSequences} aggregates (from the oldest letter on) are not in its view.
     */
    record ProjectionStatus(String name, String kind, boolean running, boolean error, long head, Long position,
                            Long lag, boolean replaying, Double replayProgress, List<SegmentStatus> segments,
                            long deadLetters, long deadLetterSequences, Instant oldestDeadLetter,
                            boolean degraded) {
    }

    /** The answer to an eviction. */
    record Evicted(String sequence, long evicted) {
    }

    @GetMapping
    @Operation(summary = "Every processor with position, lag behind the store's head and status")
    List<ProjectionStatus> list() {
        long head = head();
        Map<String, DeadLetters.Summary> letters = deadLetters.summaries();
        return processing.eventProcessors().values().stream()
                .map(processor -> status(processor, head, letters.get(processor.getName())))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One processor's status; while replaying, its progress from 0 to 1")
    ProjectionStatus one(@PathVariable String name) {
        return status(processor(name), head(), deadLetters.summary(name));
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The view's dead letters, oldest sequence first: event, aggregate and cause (an exception "
            + "class and SQLState, never a value); at most 500")
    List<DeadLetters.Letter> deadLetters(@PathVariable String name) {
        return deadLetters.letters(name, MAX_LISTED_LETTERS);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Process every dead-lettered sequence of the view again (after a fix); each sequence is "
            + "applied whole or stays queued")
    List<DeadLetters.RetryOutcome> retryAll(@PathVariable String name) {
        return deadLetters.retryAll(name);
    }

    @PostMapping("/{name}/dead-letters/{sequence}/retry")
    @Operation(summary = "Process one dead-lettered sequence (an aggregate's events) again")
    DeadLetters.RetryOutcome retry(@PathVariable String name, @PathVariable String sequence) {
        return deadLetters.retry(name, sequence);
    }

    @PostMapping("/{name}/dead-letters/{sequence}/eviction")
    @Operation(summary = "Drop a dead-lettered sequence for good: the view will not hold those events until a "
            + "replay")
    Evicted evict(@PathVariable String name, @PathVariable String sequence) {
        return new Evicted(sequence, deadLetters.evict(name, sequence));
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild this view from the first event (its reset handler clears it first)")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        EventProcessor processor = processor(name);
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new DomainException(ErrorCode.NOT_REPLAYABLE, "this processor is not a replayable projection");
        }
        if (tokens.segments(name).stream().anyMatch(TokenTable.Row::replaying)) {
            throw new DomainException(ErrorCode.REPLAY_IN_PROGRESS, "a replay of this view is already running");
        }
        // carried out once for every node: the view's processor stops on each of them and releases its segments,
        // the tokens are reset here, and every node then takes up its share of the replay (see ProjectionPauses)
        pauses.whilePaused(name, ProjectionPauses.Reason.REPLAY, () -> {
            // the dead-lettering invoker clears the view's dead letters as it resets: the replay meets every event
            streaming.resetTokens();
            // the reset claimed every segment for this node: release them so that each node takes its share
            jdbc.update("update tokenentry set owner = null where processorname = ? and owner = ?", name, self);
            return null;
        });
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name))
                .body(status(processor, head(), deadLetters.summary(name)));
    }

    private EventProcessor processor(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such projection");
        }
        return processor;
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    private ProjectionStatus status(EventProcessor processor, long head, DeadLetters.Summary letters) {
        long count = letters == null ? 0 : letters.letters();
        long sequences = letters == null ? 0 : letters.sequences();
        Instant oldest = letters == null ? null : letters.oldest();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProjectionStatus(processor.getName(), "subscribing", processor.isRunning(),
                    processor.isError(), head, null, null, false, null, List.of(), 0, 0, null, false);
        }
        Map<Integer, EventTrackerStatus> local = new TreeMap<>(streaming.processingStatus());
        List<SegmentStatus> segments = new ArrayList<>();
        double progress = 1.0;
        for (TokenTable.Row row : tokens.segments(processor.getName())) {
            EventTrackerStatus mine = local.get(row.segment());
            boolean error = mine != null && mine.isErrorState();
            segments.add(new SegmentStatus(row.segment(), row.owner(), mine != null, row.position(),
                    row.replaying(), mine == null ? null : mine.isCaughtUp(), error,
                    mine == null || mine.getError() == null ? null : mine.getError().getClass().getSimpleName()));
            if (row.replaying() && row.progress() != null) {
                progress = Math.min(progress, row.progress());
            }
        }
        Long position = segments.stream().map(SegmentStatus::position)
                .map(p -> p == null ? -1L : p).min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(SegmentStatus::replaying);
        return new ProjectionStatus(processor.getName(), "streaming", processor.isRunning(),
                processor.isError() || segments.stream().anyMatch(SegmentStatus::error), head, position,
                position == null ? null : Math.max(0, head - position), replaying, replaying ? progress : null,
                segments, count,
                sequences, oldest, count > 0);
    }
}
