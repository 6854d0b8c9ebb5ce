package com.deskledger.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every command one experiment sent, with its correlation id and what came back: the client's side of the truth
 * that the checks hold against the event store. Times are nanoseconds since the experiment started.
 */
final class Ledger {

    /** How a request ended for the client. */
    enum Outcome {
        /** An HTTP status came back. */
        ANSWERED,
        /** The connection was refused: the request never reached a server, so it cannot have been committed. */
        NOT_DELIVERED,
        /** The connection broke or timed out after the request was sent: the outcome is unknown to the client. */
        BROKEN
    }

    /** One command: {@code status} is -1 unless answered; {@code position} is the answer's last event, if any. */
    record Command(String correlationId, String kind, String node, int client, boolean setUp, long sentNs,
                   long doneNs, Outcome outcome, int status, String code, Long position, boolean retryAfter) {

        boolean ok() {
            return outcome == Outcome.ANSWERED && status / 100 == 2;
        }

        long latencyNs() {
            return doneNs - sentNs;
        }
    }

    final long t0 = System.nanoTime();
    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();

    /** {@code prefix} makes the correlation ids of one experiment unique in the store (e.g. {@code rs1}). */
    Ledger(String prefix) {
        this.prefix = prefix;
    }

    String nextCorrelationId() {
        return prefix + "-" + sequence.incrementAndGet();
    }

    long now() {
        return System.nanoTime() - t0;
    }

    void add(Command c) {
        commands.add(c);
    }

    List<Command> all() {
        return new ArrayList<>(commands);
    }

    /** Every command as CSV (no request bodies): to find a command of the report in a node's log. */
    void writeCsv(Path file) throws IOException {
        List<Command> sorted = all();
        sorted.sort((a, b) -> Long.compare(a.sentNs(), b.sentNs()));
        StringBuilder csv = new StringBuilder("correlationId,kind,node,client,setUp,sentMs,doneMs,outcome,status,code,"
                + "position\n");
        for (Command c : sorted) {
            csv.append(c.correlationId()).append(',').append(c.kind()).append(',').append(c.node()).append(',')
                    .append(c.client()).append(',').append(c.setUp()).append(',').append(c.sentNs() / 1_000_000)
                    .append(',').append(c.doneNs() / 1_000_000).append(',').append(c.outcome()).append(',')
                    .append(c.status()).append(',').append(c.code() == null ? "" : c.code()).append(',')
                    .append(c.position() == null ? "" : c.position()).append('\n');
        }
        Files.writeString(file, csv);
    }
}
