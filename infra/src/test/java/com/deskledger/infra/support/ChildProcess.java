package com.deskledger.infra.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process a test starts (a JVM, the packaged application): its output (stdout and stderr together) collected line
 * by line, waited on for a line, stopped by its own id only.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildProcess(Process process) {
        this.process = process;
        reader = new Thread(this::read, "child-" + process.pid() + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}; {@code unset} names environment variables the child must not inherit. */
    public static ChildProcess start(List<String> command, List<String> unset) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        unset.forEach(env::remove);
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            return new ChildProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** The java launcher of this JVM, to start another one. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Every line so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Waits for a line matching {@code wanted}, failing with the output when the process ends or time is up. */
    public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen == lines.size())) {
                    throw new AssertionError("no such line from process " + pid() + " (alive: " + process.isAlive()
                            + "); its output:\n" + String.join("\n", tail(80)));
                }
                lines.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
        }
    }

    /** Waits for the process to end and its output to be read to the end; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process " + pid() + " did not end within " + timeout + "; its output:\n"
                    + String.join("\n", tail(80)));
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    public List<String> tail(int n) {
        List<String> all = lines();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** Closes the child's standard input (a holder process ends on it). */
    public void closeInput() {
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        } catch (IOException alreadyGone) {
            // nothing to close
        }
    }

    /**
     * SIGTERM, as a service manager stops the application. Through the process handle: {@code Process.destroy()}
     * also closes our end of its output, and whatever it logs while it shuts down would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: the process dies without running anything. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
