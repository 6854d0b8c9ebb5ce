package com.deskledger.command.shift;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A refusal raised by the {@link ShiftSlots} handlers must fail the command that appended the event, not be logged
 * and skipped (Axon's default for event handlers).
 */
@Configuration
class ShiftSlotsConfiguration {

    @Bean
    ConfigurerModule shiftSlotsRefuseOverlaps() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(ShiftSlots.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
