package com.deskledger.infra.deadletter;

import com.deskledger.query.admin.DeadLetterPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every projection (every processing group that is not subscribing) gets Axon's dead-letter queue in PostgreSQL
 * ({@code deadletterentry}, Flyway {@code V1}; Jackson like every other serialized column), the policy that lets
 * the {@link PoisonGuard} decide what goes there ({@link PoisonRefusal}), and a reset that clears the queue: a replay
 * meets every event again. Subscribing processors (the aggregate directory, member identities, shift slots, live
 * metrics) get none: they run in the command's transaction, and a failure there must keep failing the command.
 */
@Configuration
class DeadLetterConfig {

    @Bean
    ConfigurerModule deadLetterQueues(ListableBeanFactory beans, EventProcessorProperties properties,
                                      ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                      Serializer genericSerializer, EntityManager entityManager, MeterRegistry meters,
                                      PoisonRegistry poison,
                                      @Value("${deskledger.dead-letters.max-sequences:10000}") int maxSequences,
                                      @Value("${deskledger.dead-letters.max-sequence-size:100000}")
                                      int maxSequenceSize) {
        return configurer -> {
            DeadLetterPolicy policy = new DeadLetterPolicy();
            for (String group : projections(beans, properties)) {
                configurer.eventProcessing(processing -> processing
                        .registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(DeadLetterSchema.defaultSchema())
                                .genericSerializer(genericSerializer)
                                .eventSerializer(eventSerializer)
                                .maxSequences(maxSequences)
                                .maxSequenceSize(maxSequenceSize)
                                .build())
                        .registerDeadLetterPolicy(group, config -> policy)
                        // allowReset: a replay clears the view's dead letters. The cache: with an empty queue no
                        // event costs a query to learn whether its aggregate is dead-lettered
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (config, builder) -> builder.allowReset(true).enableSequenceIdentifierCache())
                        .registerHandlerInterceptor(group, config -> new PoisonGuard(group, poison,
                                () -> config.eventProcessingConfiguration().sequencingPolicy(group), entityManager,
                                meters)));
            }
        };
    }

    /** The processing groups of the projections: every group some bean declares, less the subscribing ones. */
    static Set<String> projections(ListableBeanFactory beans, EventProcessorProperties properties) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        properties.getProcessors().forEach((name, settings) -> {
            if (settings.getMode() == EventProcessorProperties.Mode.SUBSCRIBING) {
                groups.remove(name);
            }
        });
        return groups;
    }
}
