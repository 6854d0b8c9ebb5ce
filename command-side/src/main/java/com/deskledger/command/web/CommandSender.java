package com.deskledger.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Sends a command and answers with the position of the event it appended. */
@Component
public class CommandSender {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    public CommandSender(CommandGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    public CommandAccepted send(Object command, String aggregateId) {
        AppendedPositions.clear();
        gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new CommandAccepted(aggregateId, positionOf(aggregateId));
    }

    /** Sends a command whose handler answers with a value, and hands that value back with the position. */
    public <R> CommandAnswer<R> ask(Object command, String aggregateId) {
        AppendedPositions.clear();
        R answer = gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new CommandAnswer<>(answer, aggregateId, positionOf(aggregateId));
    }

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
