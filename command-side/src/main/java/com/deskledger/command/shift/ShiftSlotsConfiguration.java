package com.deskledger.command.shift;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure to write the {@link ShiftSlots} lookup must fail the command that appended the event, not be logged
 * and skipped (Axon's default for event handlers): a shift without its slot would escape the overlap check.
 */
@Configuration
class ShiftSlotsConfiguration {

    @Bean
    ConfigurerModule shiftSlotsFailTheirCommand() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(ShiftSlots.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
