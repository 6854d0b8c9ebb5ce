package com.deskledger.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.OptionalLong;

/**
 * The global index of the last event a command appended, read inside the command's own transaction, on its own
 * connection, right after the append ({@code currval} of the event table's sequence), and handed to the thread that
 * sent the command (the command bus is synchronous). {@link CommandSender} answers with it; it used to borrow a
 * second connection after the commit and look the aggregate's newest event up.
 */
@Configuration
public class AppendedPositions {

    private static final String APPENDED = AppendedPositions.class.getName() + ".appended";

    /**
     * A resource of the root unit of work: the highest global index the event store has just appended for it, when
     * the store says so (infra's signing storage engine reads it back from its insert). Saves the {@code currval}.
     */
    public static final String APPENDED_POSITION = AppendedPositions.class.getName() + ".position";
    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    /** Forgets what an earlier command on this thread appended; call before sending a command. */
    static void clear() {
        LAST.remove();
    }

    /** The position of the last event the command just handled on this thread appended, if it appended any. */
    static OptionalLong take() {
        Long last = LAST.get();
        LAST.remove();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    @Bean
    ConfigurerModule appendedPositionInterceptors(JdbcTemplate jdbc) {
        MessageDispatchInterceptor<EventMessage<?>> marksAppend = messages -> {
            CurrentUnitOfWork.ifStarted(uow -> uow.root().resources().put(APPENDED, Boolean.TRUE));
            return (index, event) -> event;
        };
        MessageHandlerInterceptor<CommandMessage<?>> readsPosition = (uow, chain) -> {
            Object result = chain.proceed();
            // registered after the handler ran, so after the event bus's own prepare-commit step that appends; a
            // nested unit of work hands its events to its parent, so only the root's position is read
            uow.onPrepareCommit(u -> {
                if (u.parent().isEmpty() && Boolean.TRUE.equals(u.getResource(APPENDED))) {
                    Long appended = u.getResource(APPENDED_POSITION);
                    LAST.set(appended != null ? appended
                            : jdbc.queryForObject("select currval('domainevententry_globalindex_seq')", Long.class));
                }
            });
            return result;
        };
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS, () -> {
            config.eventBus().registerDispatchInterceptor(marksAppend);
            config.commandBus().registerHandlerInterceptor(readsPosition);
        }));
    }
}
