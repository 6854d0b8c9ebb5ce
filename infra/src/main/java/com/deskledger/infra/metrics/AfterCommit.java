package com.deskledger.infra.metrics;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Counts an event once the transaction that appends it has committed. A subscribing handler runs inside the
 * appending transaction, before its commit: a command that rolls back after it (a rule checked by a later handler,
 * a concurrency conflict retried on fresh state) would otherwise be counted although nothing of it was stored, and a
 * retried one twice.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable count) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> count.run());
        } else {
            count.run();
        }
    }
}
