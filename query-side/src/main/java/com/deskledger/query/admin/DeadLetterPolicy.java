package com.deskledger.query.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * What Axon's dead-lettering invoker does with an event a projection failed on.
 *
 * <p>While a processor streams, a failure is never enqueued where it happens: a view writes its batch at commit, so
 * whatever the handler already queued for the failed event would still be written next to the dead letter. The
 * failure is thrown on instead; the batch rolls back, and the processor's {@code PoisonGuard} (infra) names the
 * event. In the next attempt the event's handlers refuse it before doing anything ({@link Poison}), and that is
 * enqueued, with its cause, by Axon's invoker (which so remembers the aggregate as dead-lettered).
 *
 * <p>While an ADMIN retries dead letters ({@link DeadLetters}), a failed letter stays queued with a cause that holds
 * no personal data (see {@link SafeCause}), and the failure is remembered for the answer to the ADMIN.
 */
public class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final ThreadLocal<SafeCause> RETRY_FAILURE = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RETRYING = new ThreadLocal<>();

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause instanceof Poison poison && !Boolean.TRUE.equals(RETRYING.get())) {
            return Decisions.enqueue(poison.cause.asCause());
        }
        SafeCause safe = SafeCause.of(cause);
        if (Boolean.TRUE.equals(RETRYING.get())) {
            if (RETRY_FAILURE.get() == null) {
                RETRY_FAILURE.set(safe);
            }
            return Decisions.requeue(safe.asCause());
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new HandlingFailed(cause);
    }

    /** Runs an ADMIN's retry on this thread; answers the first failure met, or null when none. */
    static SafeCause retrying(Runnable retry) {
        RETRYING.set(true);
        RETRY_FAILURE.remove();
        try {
            retry.run();
            return RETRY_FAILURE.get();
        } finally {
            RETRYING.remove();
            RETRY_FAILURE.remove();
        }
    }

    /** A handler's refusal of an event found to be poison in an earlier attempt: it goes to the queue. */
    public static final class Poison extends RuntimeException {

        private final transient SafeCause cause;

        public Poison(SafeCause cause) {
            super("event found to be poison: " + cause.type() + " " + cause.message(), null, false, false);
            this.cause = cause;
        }
    }

    /** A checked failure of a handler, carried out of the invoker unchanged. */
    public static final class HandlingFailed extends RuntimeException {
        HandlingFailed(Throwable cause) {
            super("event handler failed", cause, false, false);
        }
    }
}
