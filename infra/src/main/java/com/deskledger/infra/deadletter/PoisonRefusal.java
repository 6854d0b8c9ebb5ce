package com.deskledger.infra.deadletter;

import com.deskledger.query.admin.DeadLetterPolicy;
import com.deskledger.query.admin.SafeCause;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * A projection's event handlers refuse an event the {@link PoisonGuard} found to be poison, before they do anything:
 * Axon's dead-lettering invoker then enqueues it with its cause (see {@link DeadLetterPolicy}), and remembers its
 * aggregate, so the aggregate's later events follow it there without a query per event for everyone else. Handlers of
 * classes without a processing group (aggregates, query handlers) are left as they are, and so is an ADMIN's retry.
 */
@Component
class PoisonRefusal implements HandlerEnhancerDefinition {

    private final PoisonRegistry registry;

    PoisonRefusal(PoisonRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(EventHandler.class).isEmpty()) {
            return original;
        }
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(),
                ProcessingGroup.class);
        if (group == null) {
            return original;
        }
        String view = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                SafeCause poison = registry.cause(view, message.getIdentifier());
                if (poison != null && !retrying()) {
                    throw new DeadLetterPolicy.Poison(poison);
                }
                return super.handle(message, target);
            }
        };
    }

    private static boolean retrying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }
}
