package com.deskledger.infra.support;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Rolls a command back on purpose, for tests: once armed, the next command the predicate accepts fails after its
 * events were appended and its subscribing handlers ran (in the same transaction), so everything it wrote must roll
 * back. Before it fails it runs the test's probe inside that transaction, so a test can prove the write it expects
 * to vanish did happen. Inert unless armed.
 */
@Configuration
public class CommitFailure {

    /** One armed failure and what its probe saw inside the doomed transaction. */
    public static final class Armed {
        private final Predicate<Object> command;
        private final Supplier<Object> probe;
        private final AtomicReference<Object> seen = new AtomicReference<>();

        private Armed(Predicate<Object> command, Supplier<Object> probe) {
            this.command = command;
            this.probe = probe;
        }

        /** What the probe answered inside the transaction (null if the command never got there). */
        public Object seen() {
            return seen.get();
        }
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /** Fails the next command whose payload the predicate accepts, after running the probe in its transaction. */
    public Armed next(Predicate<Object> command, Supplier<Object> probe) {
        Armed failure = new Armed(command, probe);
        if (!armed.compareAndSet(null, failure)) {
            throw new IllegalStateException("a failure is already armed");
        }
        return failure;
    }

    @Bean
    ConfigurerModule commitFailureInterceptor() {
        MessageHandlerInterceptor<CommandMessage<?>> failures = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Armed failure = armed.get();
            if (failure != null && unitOfWork.parent().isEmpty()
                    && failure.command.test(unitOfWork.getMessage().getPayload()) && armed.compareAndSet(failure, null)) {
                // registered after the handler ran, so after the event bus's prepare-commit step that appends the
                // events and runs the subscribing handlers
                unitOfWork.onPrepareCommit(u -> {
                    failure.seen.set(failure.probe.get());
                    throw new IllegalStateException("rolled back on purpose by the test");
                });
            }
            return result;
        };
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS,
                () -> config.commandBus().registerHandlerInterceptor(failures)));
    }
}
