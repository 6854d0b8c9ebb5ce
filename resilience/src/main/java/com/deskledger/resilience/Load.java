package com.deskledger.resilience;

import java.util.ArrayList;
import java.util.List;

/** N desk clients at once, spread over the nodes (client i talks to node i mod n), until stopped. */
final class Load {

    private final List<Thread> threads = new ArrayList<>();
    private final Ledger ledger;
    private volatile boolean running = true;
    long startedNs;
    long stoppedNs;

    Load(List<Http> nodes, Ledger ledger, World world, int clients, long seed) {
        for (int i = 0; i < clients; i++) {
            Client client = new Client(i, nodes.get(i % nodes.size()), ledger, world, seed * 1000 + i,
                    () -> running);
            Thread t = new Thread(client, "client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        this.ledger = ledger;
    }

    void start() {
        startedNs = ledger.now();
        threads.forEach(Thread::start);
    }

    /** Stops the clients after the command each is sending (waits for at most the request timeout and a bit). */
    void stop(int timeoutSeconds) throws InterruptedException {
        running = false;
        stoppedNs = ledger.now();
        long deadline = System.currentTimeMillis() + (timeoutSeconds + 10) * 1000L;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (t.isAlive()) {
                Resilience.log(t.getName() + " still waits for an answer; its command is left as sent");
            }
        }
    }
}
