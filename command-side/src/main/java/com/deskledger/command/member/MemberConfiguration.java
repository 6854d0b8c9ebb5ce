package com.deskledger.command.member;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MemberAccount's wiring: a snapshot after every {@code deskledger.members.snapshot-threshold} events loaded (a
 * member who checks in for years must still load fast), and the identity lookup's errors propagated so that a
 * duplicate found there rolls the enrolment back instead of being logged and forgotten.
 */
@Configuration
class MemberConfiguration {

    static final String SNAPSHOT_TRIGGER = "memberSnapshotTrigger";

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition memberSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${deskledger.members.snapshot-threshold:100}")
                                                    int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    ConfigurerModule memberIdentityErrorsPropagate() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(MemberIdentities.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
