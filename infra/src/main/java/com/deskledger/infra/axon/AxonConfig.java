package com.deskledger.infra.axon;

import com.deskledger.kernel.MetaDataKeys;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

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

    @Bean
    ConfigurerModule pooledStreamingByDefault(
            @Value("${deskledger.processors.batch-size:200}") int batchSize,
            @Value("${deskledger.processors.initial-segments:1}") int segments,
            @Value("${deskledger.processors.idle-token-update:PT0.5S}") Duration idleTokenUpdate) {
        // A segment with nothing to handle stores its token only when it extends its claim (every 5 s by default):
        // a view waiting for the position of an event it does not handle would wait that long.
        // A handler that fails stops its processor (which retries with a back-off and shows the error on the
        // projections page) instead of Axon's default of logging the failure and going on: a view that skipped an
        // event would silently disagree with the store until its next replay.
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)
                        .claimExtensionThreshold(idleTokenUpdate.toMillis())));
    }
}
