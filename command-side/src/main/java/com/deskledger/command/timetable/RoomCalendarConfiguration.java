package com.deskledger.command.timetable;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure to write the {@link RoomCalendar} must fail the command that appended the event: a session without its
 * room time would escape the double-booking check.
 */
@Configuration
class RoomCalendarConfiguration {

    @Bean
    ConfigurerModule roomCalendarFailsItsCommand() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(RoomCalendar.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
