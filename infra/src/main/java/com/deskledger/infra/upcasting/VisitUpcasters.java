package com.deskledger.infra.upcasting;

import com.deskledger.kernel.visit.event.CallTransferredEvent;
import com.deskledger.kernel.visit.event.FeedbackRecordedEvent;
import com.deskledger.kernel.visit.event.MessageTakenEvent;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Visit events 1 → 2: the registration form and message call-back data became sealed with the visit's key; so did
 * the feedback comment and a call transfer's reason (1 → 2), and the registration's referral source (2 → 3).
 */
@Configuration
public class VisitUpcasters {

    @Bean
    EventUpcaster visitorRegisteredSealed() {
        return new MarkPlainValues(VisitorRegisteredEvent.class.getName(), "1", "2",
                List.of("visitorName", "phone", "needs"));
    }

    @Bean
    EventUpcaster visitorRegisteredReferralSealed() {
        return new MarkPlainValues(VisitorRegisteredEvent.class.getName(), "2", "3", List.of("referralSource"));
    }

    @Bean
    EventUpcaster feedbackRecordedSealed() {
        return new MarkPlainValues(FeedbackRecordedEvent.class.getName(), "1", "2", List.of("comment"));
    }

    @Bean
    EventUpcaster callTransferredSealed() {
        return new MarkPlainValues(CallTransferredEvent.class.getName(), "1", "2", List.of("reason"));
    }

    @Bean
    EventUpcaster messageTakenSealed() {
        return new MarkPlainValues(MessageTakenEvent.class.getName(), "1", "2", List.of("callbackNumber", "content"));
    }
}
