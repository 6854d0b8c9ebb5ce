package com.deskledger.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command and answers with the position of the event it appended. A command that met a concurrent change
 * of its aggregate (another node appended to it between this command's load and its append; nothing of this attempt
 * was stored) is sent again a few times, each time as a new unit of work that loads the aggregate afresh and checks
 * every rule again; only a conflict that persists is answered 409 ({@link CommandConflictException}).
 * <p>
 * The retries run here, on the sending thread, rather than in a retry scheduler on the gateway: the position of the
 * appended event reaches this thread through {@link AppendedPositions}, a thread-local, and a scheduler retries on
 * threads of its own.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final ConflictRetries conflicts;

    public CommandSender(CommandGateway gateway, JdbcTemplate jdbc, ConflictRetries conflicts) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.conflicts = conflicts;
    }

    public CommandAccepted send(Object command, String aggregateId) {
        sendRetrying(command);
        return new CommandAccepted(aggregateId, positionOf(aggregateId));
    }

    /** Sends a command whose handler answers with a value, and hands that value back with the position. */
    public <R> CommandAnswer<R> ask(Object command, String aggregateId) {
        R answer = sendRetrying(command);
        return new CommandAnswer<>(answer, aggregateId, positionOf(aggregateId));
    }

    private <R> R sendRetrying(Object command) {
        for (int attempt = 1; ; attempt++) {
            AppendedPositions.clear();
            try {
                return gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                // the command's name only: its payload may hold personal data
                String name = command.getClass().getSimpleName();
                if (attempt > conflicts.retries()) {
                    conflicts.countRejection();
                    log.info("{} met a concurrent change of its record on each of {} attempts; answered 409",
                            name, attempt);
                    throw new CommandConflictException(attempt, e);
                }
                conflicts.countRetry();
                log.debug("{} met a concurrent change of its record (attempt {}); trying again", name, attempt);
                conflicts.pause(attempt);
            }
        }
    }

    /**
     * A concurrent change of the command's record, or a deadline of the record that db-scheduler is running at the
     * very moment the command cancels it: db-scheduler refuses to cancel an executing task, which fails the
     * command's commit; tried again, the command finds the deadline done (its handler ran on the record first) or
     * gone. Named by class name, as the command side does not depend on db-scheduler.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || RUNNING_DEADLINE.equals(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static final String RUNNING_DEADLINE =
            "com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException";

    /**
     * The global index of the event the command appended last (read in its transaction, see
     * {@link AppendedPositions}), else of the aggregate's newest event, read after the commit.
     */
    private long positionOf(String aggregateId) {
        OptionalLong appended = AppendedPositions.take();
        if (appended.isPresent()) {
            return appended.getAsLong();
        }
        List<Long> found = jdbc.queryForList("""
                select globalindex from domainevententry where aggregateidentifier = ?
                order by sequencenumber desc limit 1""", Long.class, aggregateId);
        return found.isEmpty() ? -1 : found.get(0);
    }
}
