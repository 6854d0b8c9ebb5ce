package com.deskledger.infra.support;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Makes commits land out of order on purpose, for tests: once armed, the next command the predicate accepts is
 * held after its events were appended (the rows are inserted, their global indexes drawn, the transaction still
 * open) until the test releases it, while other commands commit meanwhile with higher indexes. Inert unless armed.
 * One per application context, so a test with two nodes holds a command on the node it means.
 */
@Configuration
public class CommitHold {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** One armed hold: which command, whether it has reached the hold, and the test's release. */
    public static final class Hold {
        private final Predicate<Object> command;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(Predicate<Object> command) {
            this.command = command;
        }

        /** Waits until the held command has appended its events and waits for the release. */
        public void awaitHeld() {
            await(reached, "the held command to append its events");
        }

        /** Lets the held command commit. */
        public void release() {
            released.countDown();
        }

        private void hold() {
            reached.countDown();
            await(released, "the test to release the held command");
        }

        private static void await(CountDownLatch latch, String what) {
            try {
                if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("gave up waiting for " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private final AtomicReference<Hold> armed = new AtomicReference<>();

    /** Holds the commit of the next command whose payload the predicate accepts. */
    public Hold next(Predicate<Object> command) {
        Hold hold = new Hold(command);
        if (!armed.compareAndSet(null, hold)) {
            throw new IllegalStateException("a hold is already armed");
        }
        return hold;
    }

    @Bean
    ConfigurerModule commitHoldInterceptor() {
        MessageHandlerInterceptor<CommandMessage<?>> holds = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Hold hold = armed.get();
            if (hold != null && unitOfWork.parent().isEmpty()
                    && hold.command.test(unitOfWork.getMessage().getPayload()) && armed.compareAndSet(hold, null)) {
                // registered after the handler ran, so after the event bus's own prepare-commit step that appends
                unitOfWork.onPrepareCommit(u -> hold.hold());
            }
            return result;
        };
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS,
                () -> config.commandBus().registerHandlerInterceptor(holds)));
    }
}
