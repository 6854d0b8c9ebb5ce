package com.deskledger.infra.upcasting;

import com.deskledger.kernel.visit.event.MessageTakenEvent;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Visit events 1 → 2: the registration form and message call-back data became sealed with the visit's key. */
@Configuration
public class VisitUpcasters {

    @Bean
    EventUpcaster visitorRegisteredSealed() {
        return new MarkPlainValues(VisitorRegisteredEvent.class.getName(), "1", "2",
                List.of("visitorName", "phone", "needs"));
    }

    @Bean
    EventUpcaster messageTakenSealed() {
        return new MarkPlainValues(MessageTakenEvent.class.getName(), "1", "2", List.of("callbackNumber", "content"));
    }
}
