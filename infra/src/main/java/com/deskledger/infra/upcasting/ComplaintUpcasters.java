package com.deskledger.infra.upcasting;

import com.deskledger.kernel.complaint.event.ComplaintClosedEvent;
import com.deskledger.kernel.complaint.event.ComplaintEscalatedEvent;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.ComplaintPausedEvent;
import com.deskledger.kernel.complaint.event.ComplaintReopenedEvent;
import com.deskledger.kernel.complaint.event.ComplaintWithdrawnEvent;
import com.deskledger.kernel.complaint.event.FollowUpCallRecordedEvent;
import com.deskledger.kernel.complaint.event.InvestigationNoteAddedEvent;
import com.deskledger.kernel.complaint.event.ResolutionProposedEvent;
import com.deskledger.kernel.complaint.event.ResolutionRejectedEvent;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Complaint events 1 → 2: the customer's name and phone, the description and every free text staff write about the
 * case became sealed with the customer's key. Stored revision-1 values are marked {@code plain:}: they were never
 * protected, and erasing the member cannot reach them (only new complaints are crypto-shredded).
 */
@Configuration
public class ComplaintUpcasters {

    /**
     * Revision 1 held the command's {@code Customer}, whose {@code isIdentified()} Jackson wrote as a property; the
     * sealed customer has no such field (it was derived, never data), so it is dropped.
     */
    @Bean
    EventUpcaster complaintFiledSealed() {
        return new MarkPlainValues(ComplaintFiledEvent.class.getName(), "1", "2",
                List.of("customer.name", "customer.phone", "description"), List.of("customer.identified"));
    }

    @Bean
    EventUpcaster investigationNoteSealed() {
        return step(InvestigationNoteAddedEvent.class, "text");
    }

    @Bean
    EventUpcaster resolutionProposedSealed() {
        return step(ResolutionProposedEvent.class, "summary");
    }

    @Bean
    EventUpcaster resolutionRejectedSealed() {
        return step(ResolutionRejectedEvent.class, "reason");
    }

    @Bean
    EventUpcaster complaintClosedSealed() {
        return step(ComplaintClosedEvent.class, "comment");
    }

    @Bean
    EventUpcaster complaintReopenedSealed() {
        return step(ComplaintReopenedEvent.class, "comment");
    }

    @Bean
    EventUpcaster followUpCallRecordedSealed() {
        return step(FollowUpCallRecordedEvent.class, "notes");
    }

    @Bean
    EventUpcaster complaintEscalatedSealed() {
        return step(ComplaintEscalatedEvent.class, "note");
    }

    @Bean
    EventUpcaster complaintPausedSealed() {
        return step(ComplaintPausedEvent.class, "reason");
    }

    @Bean
    EventUpcaster complaintWithdrawnSealed() {
        return step(ComplaintWithdrawnEvent.class, "reason");
    }

    private static EventUpcaster step(Class<?> event, String... fields) {
        return new MarkPlainValues(event.getName(), "1", "2", List.of(fields));
    }
}
