package com.deskledger.infra.deadletter;

import com.deskledger.query.admin.SafeCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the event a projection cannot apply, so it goes to the view's dead-letter queue and the view goes on with
 * every other aggregate.
 *
 * <p>A view writes a processor's batch of events at commit (JPA, {@code ViewWrites}), so a row PostgreSQL refuses
 * (a NUL in a name: {@code invalid byte sequence}, SQLState 22021) fails the whole batch, long after the handler of
 * the guilty event returned; and once PostgreSQL has refused a statement the transaction can do nothing more, not
 * even write a dead letter. So the guard works in three steps, each a normal retry of the processor:
 * <ol>
 * <li>a batch fails: its segment turns <em>careful</em>;</li>
 * <li>a careful batch writes after every event, so the first event whose writes (or handler) fail is the one to
 * blame: unless the failure may pass by itself ({@link SafeCause#isTransient}), it is marked <em>poison</em>
 * ({@link PoisonRegistry}), and the batch fails once more;</li>
 * <li>in the next attempt the poison event's handlers refuse it before doing anything ({@link PoisonRefusal}), and
 * Axon's dead-lettering invoker enqueues it with a cause that holds no personal data, in the batch's own
 * transaction. Later events of the same aggregate follow it there (the invoker sequences by aggregate), keeping
 * their order; the batch commits and the segment is no longer careful.</li>
 * </ol>
 * A handler failure that is not the database's is its own event's fault at once (it is marked poison without the
 * careful step). While an ADMIN retries dead letters, each letter's writes are flushed right after its handlers, so
 * a failure is met while that letter is being processed.
 *
 * <p>Nothing here logs an event's payload or a failure's message: only event identifiers, types, aggregate
 * identifiers and the {@link SafeCause}.
 */
class PoisonGuard implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PoisonGuard.class);

    private final String processor;
    private final PoisonRegistry poison;
    private final Supplier<SequencingPolicy<? super EventMessage<?>>> sequencing;
    private final EntityManager entityManager;
    private final Counter deadLettered;
    private final String batchMarker;
    private final String segmentKey;
    /** Segments whose last batch failed. */
    private final Set<Integer> careful = ConcurrentHashMap.newKeySet();

    PoisonGuard(String processor, PoisonRegistry poison, Supplier<SequencingPolicy<? super EventMessage<?>>> sequencing,
                EntityManager entityManager, MeterRegistry meters) {
        this.processor = processor;
        this.poison = poison;
        this.sequencing = sequencing;
        this.entityManager = entityManager;
        this.deadLettered = Counter.builder("deskledger.dead.letters.enqueued")
                .description("Events a view could not apply, sent to its dead-letter queue")
                .tag("view", processor).register(meters);
        this.batchMarker = PoisonGuard.class.getName() + "[" + processor + "]";
        this.segmentKey = "Processor[" + processor + "]/SegmentId";
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            // an ADMIN's retry of a dead letter (see DeadLetters): write now, so a failure is this letter's
            Object result = interceptorChain.proceed();
            flush();
            return result;
        }
        int segment = unitOfWork.root().getOrDefaultResource(segmentKey, 0);
        watchBatch(unitOfWork, segment);
        SafeCause known = poison.cause(processor, event.getIdentifier());
        if (known != null) {
            // its handlers refuse it, and the invoker enqueues it
            unitOfWork.root().afterCommit(u -> deadLettered(event, known));
        }
        boolean carefully = careful.contains(segment);
        try {
            Object result = interceptorChain.proceed();
            if (carefully) {
                flush();
            }
            return result;
        } catch (Exception | Error failure) {
            careful.add(segment);
            if (known == null && (carefully || !SafeCause.isDatabaseFailure(failure))
                    && !SafeCause.isTransient(failure)) {
                SafeCause cause = SafeCause.of(failure);
                poison.mark(processor, event.getIdentifier(), cause);
                log.warn("View {} cannot apply event {} ({}) of aggregate {}: {} {}; it goes to the dead-letter "
                                + "queue at the next attempt", processor, event.getIdentifier(),
                        event.getPayloadType().getSimpleName(), sequenceOf(event), cause.type(), cause.message());
            }
            throw failure;
        }
    }

    /** Once per batch: a failed batch makes its segment careful; a committed one ends that. */
    private void watchBatch(UnitOfWork<? extends EventMessage<?>> unitOfWork, int segment) {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().putIfAbsent(batchMarker, Boolean.TRUE) != null) {
            return;
        }
        root.onRollback(u -> careful.add(segment));
        root.afterCommit(u -> careful.remove(segment));
    }

    private void deadLettered(EventMessage<?> event, SafeCause cause) {
        poison.forget(processor, event.getIdentifier());
        deadLettered.increment();
        log.warn("View {} dead-lettered event {} ({}) of aggregate {} at position {}: {} {}; the view goes on with "
                        + "every other aggregate", processor, event.getIdentifier(),
                event.getPayloadType().getSimpleName(), sequenceOf(event), position(event), cause.type(),
                cause.message());
    }

    /** As Axon's dead-lettering invoker names the sequence: the aggregate, else the event itself. */
    private Object sequenceOf(EventMessage<?> event) {
        Object sequence = sequencing.get().getSequenceIdentifierFor(event);
        return sequence != null ? sequence : event.getIdentifier();
    }

    /** Runs the view's queued writes now: {@code ViewWrites} through its transaction synchronization, then JPA. */
    private void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.triggerFlush();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            entityManager.flush();
        }
    }

    private static Object position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
    }
}
