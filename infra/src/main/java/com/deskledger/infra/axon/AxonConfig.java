package com.deskledger.infra.axon;

import com.deskledger.infra.cluster.ClusterNodes;
import com.deskledger.infra.cluster.ClusterNotices;
import com.deskledger.infra.integrity.EventSignatures;
import com.deskledger.infra.integrity.SigningEventStorageEngine;
import com.deskledger.kernel.MetaDataKeys;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Event store on JDBC (see README: why JDBC), processors pooled-streaming by default so every view can be replayed,
 * and the metadata of a command copied onto the events it causes, with the command as their cause.
 */
@Configuration
public class AxonConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Who, where and which request: copied from a command to every event it appends. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.USER, MetaDataKeys.ROLES, MetaDataKeys.CENTRE,
                MetaDataKeys.CORRELATION_ID, MetaDataKeys.CLIENT_ADDRESS);
    }

    /** The message being handled is the cause of the messages it produces. */
    @Bean
    CorrelationDataProvider causation() {
        return (Message<?> message) -> Map.of(MetaDataKeys.CAUSATION_ID, message.getIdentifier());
    }

    /**
     * Which failed append is a concurrency conflict: PostgreSQL's duplicate key on the event table's (aggregate,
     * sequence) key (see {@link EventStreamConflicts}; Axon's own resolver never recognises PostgreSQL's).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new EventStreamConflicts();
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration builds it, with these changes:
     * <ul>
     * <li>every append is signed by the application in the same transaction ({@link SigningEventStorageEngine});</li>
     * <li>how many events one query reads, when a processor streams the store or an aggregate is loaded (Axon's
     * default is 100); a replay of a large store makes one query per this many events;</li>
     * <li>no event commits later than {@code max-append-age} after its timestamp ({@link AppendAgeBound}), and a
     * gap in a processor's position is given up only after {@code gap-timeout}, which must be more than twice that
     * age plus PostgreSQL's idle-in-transaction limit: then no committed event is ever skipped by a view
     * (AxonFramework #4829; README "Every view exact");</li>
     * <li>a gap is also given up once {@code max-gap-offset} events have been appended after it (Axon: 10,000, about
     * 20 s at the benchmark's rate); raised so that the transaction that fills it may take the whole bound above.</li>
     * </ul>
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSignatures signatures,
                                          @Value("${deskledger.event-store.batch-size:100}") int batchSize,
                                          @Value("${deskledger.event-store.gap-timeout:PT5M}") Duration gapTimeout,
                                          @Value("${deskledger.event-store.max-gap-offset:100000}") int maxGapOffset,
                                          @Value("${deskledger.event-store.max-append-age:PT30S}") Duration maxAppendAge,
                                          @Value("${deskledger.database.idle-in-transaction-timeout:PT30S}")
                                          Duration idleInTransaction) {
        requireGapTimeoutAboveCommitBound(gapTimeout, maxAppendAge, idleInTransaction);
        return SigningEventStorageEngine.of(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .batchSize(batchSize)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(maxGapOffset), transactionManager, signatures, new AppendAgeBound(maxAppendAge));
    }

    /**
     * An event commits at most {@code maxAppendAge + idleInTransaction} after its timestamp. A processor forgets a
     * gap below a visible event once that event looks older than the gap timeout; the visible event may itself have
     * committed up to that bound after its timestamp, and the event filling the gap up to that bound after its own:
     * so the gap timeout must exceed twice the bound.
     */
    static void requireGapTimeoutAboveCommitBound(Duration gapTimeout, Duration maxAppendAge,
                                                  Duration idleInTransaction) {
        if (idleInTransaction.isZero() || idleInTransaction.isNegative()) {
            throw new IllegalStateException("deskledger.database.idle-in-transaction-timeout must be set (> 0): "
                    + "without it a transaction may commit at any time after its checks");
        }
        Duration bound = maxAppendAge.plus(idleInTransaction);
        if (gapTimeout.compareTo(bound.multipliedBy(2)) <= 0) {
            throw new IllegalStateException("deskledger.event-store.gap-timeout (" + gapTimeout + ") must be more "
                    + "than twice deskledger.event-store.max-append-age plus deskledger.database."
                    + "idle-in-transaction-timeout (" + bound + "), or a view may skip an event committed late");
        }
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, with two changes that bound the memory its
     * shared cache of recent events can hold. The cache's reader runs ahead of the views, so (1) its reads of the
     * store are cut into chunks (see {@link ChunkedTailReads}: one unbounded read held every event it read), and
     * (2) views that fell behind the cache move to reads of their own every second (Axon's default is 10 s; until
     * then a lagging view keeps every cached event after its position alive). While a million events arrived at
     * once, the two together held about 300,000 events and ran a 512 MB heap out. It is also told of other nodes'
     * commits ({@link WakeableEventStore}), which its reader would otherwise find only at its next look, a second on.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    WakeableEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${deskledger.event-store.cleanup-delay:PT1S}") Duration cleanupDelay,
                                  @Value("${deskledger.event-store.tail-read-chunk:1000}") int tailReadChunk) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(new ChunkedTailReads(storageEngine, tailReadChunk))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cleanupDelay(cleanupDelay.toMillis()));
    }

    private static CommitWakeUp commitWakeUp(EventStore eventStore, ObjectProvider<ClusterNotices> notices) {
        CommitWakeUp wakeUp = new CommitWakeUp(eventStore, Duration.ofMillis(500));
        eventStore.subscribe(events -> wakeUp.published());
        // a commit on another node, announced through PostgreSQL's NOTIFY, wakes the processors too
        notices.ifAvailable(cluster -> cluster.onNotice(notice -> wakeUp.committedElsewhere()));
        return wakeUp;
    }

    @Bean
    ConfigurerModule pooledStreamingByDefault(
            @Value("${deskledger.processors.batch-size:200}") int batchSize,
            @Value("${deskledger.processors.initial-segments:4}") int segments,
            @Value("${deskledger.processors.token-claim-interval:PT2S}") Duration tokenClaimInterval,
            ClusterNodes nodes,
            ObjectProvider<ClusterNotices> notices,
            @Value("${deskledger.processors.idle-token-update:PT0.5S}") Duration idleTokenUpdate,
            @Value("${deskledger.processors.wake-on-commit:true}") boolean wakeOnCommit) {
        // A segment with nothing to handle stores its token only when it extends its claim (every 5 s by default):
        // a view waiting for the position of an event it does not handle would wait that long.
        // With wake-on-commit, every processor reads the event store through one CommitWakeUp, woken when this node
        // commits events.
        AtomicReference<CommitWakeUp> wakeUp = new AtomicReference<>();
        // A handler that fails is never logged and skipped (Axon's default): a view that skipped an event would
        // silently disagree with the store until its next replay. A subscribing helper's failure fails the command;
        // a projection's goes to its dead-letter queue (see infra.deadletter), where it waits for an ADMIN.
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    // each node holds its share of every processor's segments (see ClusterNodes), asked before each
                    // claim; a node looks for segments to claim every token-claim-interval
                    builder.batchSize(batchSize)
                            .initialSegmentCount(segments)
                            .tokenClaimInterval(tokenClaimInterval.toMillis())
                            .maxSegmentProvider(nodes::share)
                            .claimExtensionThreshold(idleTokenUpdate.toMillis());
                    if (wakeOnCommit) {
                        builder.messageSource(wakeUp.updateAndGet(existing -> existing != null ? existing
                                : commitWakeUp(config.eventStore(), notices)));
                    }
                    return builder;
                }));
    }
}
