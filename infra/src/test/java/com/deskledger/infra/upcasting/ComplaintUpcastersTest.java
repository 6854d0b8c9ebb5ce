package com.deskledger.infra.upcasting;

import com.deskledger.kernel.complaint.event.ComplaintClosedEvent;
import com.deskledger.kernel.complaint.event.ComplaintEscalatedEvent;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.FollowUpCallRecordedEvent;
import com.deskledger.kernel.complaint.event.InvestigationNoteAddedEvent;
import com.deskledger.kernel.complaint.event.ResolutionProposedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision-1 complaint events, as stored JSON, come out as revision 2 with their plain values marked. */
class ComplaintUpcastersTest {

    private static final String ID = "5b0d5a3e-6c4e-4d2b-9a59-0f6c7e1d2a11";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
    private final ComplaintUpcasters upcasters = new ComplaintUpcasters();

    @Test
    void marksTheCustomerInsideItsObjectAndTheDescription() {
        ComplaintFiledEvent event = upcast(ComplaintFiledEvent.class, """
                {"complaintId":"%s","centre":"main","channel":"PHONE",
                 "customer":{"memberId":null,"name":"Chen Jing","phone":"13700001234","identified":true},
                 "category":"SAFETY","description":"child left alone in the hall","severity":"MAJOR",
                 "visitId":null,"filedBy":"reception","at":"2026-03-02T01:00:00Z"}""".formatted(ID));
        assertThat(event.customer().memberId()).isNull();
        assertThat(event.customer().name().value()).isEqualTo("plain:Chen Jing");
        assertThat(event.customer().phone().value()).isEqualTo("plain:13700001234");
        assertThat(event.description().value()).isEqualTo("plain:child left alone in the hall");
        assertThat(event.category().name()).isEqualTo("SAFETY");
    }

    @Test
    void keepsAMemberWithoutAContactAndAnEmptyPhoneEmpty() {
        ComplaintFiledEvent event = upcast(ComplaintFiledEvent.class, """
                {"complaintId":"%s","centre":"main","channel":"PHONE",
                 "customer":{"memberId":"m-7","name":null,"phone":" "},
                 "category":"BILLING","description":"charged twice","severity":"GENERAL",
                 "visitId":null,"filedBy":"reception","at":"2026-03-02T01:00:00Z"}""".formatted(ID));
        assertThat(event.customer().memberId().value()).isEqualTo("m-7");
        assertThat(event.customer().name()).isNull();
        assertThat(event.customer().phone()).isNull();
    }

    @Test
    void marksEveryFreeText() {
        assertThat(upcast(InvestigationNoteAddedEvent.class, """
                {"complaintId":"%s","text":"called the parent","by":"h","at":"2026-03-02T01:00:00Z"}"""
                .formatted(ID)).text().value()).isEqualTo("plain:called the parent");
        ResolutionProposedEvent proposed = upcast(ResolutionProposedEvent.class, """
                {"complaintId":"%s","summary":"refund","compensation":{"type":"REFUND","amountMinor":80000,
                 "currency":"CNY"},"approvalRequiredFrom":"MANAGER","by":"s","at":"2026-03-02T01:00:00Z"}"""
                .formatted(ID));
        assertThat(proposed.summary().value()).isEqualTo("plain:refund");
        assertThat(proposed.compensation().amountMinor()).isEqualTo(80000);
        assertThat(upcast(ComplaintClosedEvent.class, """
                {"complaintId":"%s","comment":null,"by":"r","at":"2026-03-02T01:00:00Z"}"""
                .formatted(ID)).comment()).isNull();
        assertThat(upcast(FollowUpCallRecordedEvent.class, """
                {"complaintId":"%s","reached":true,"satisfied":true,"notes":"happy now","by":"r",
                 "at":"2026-03-02T01:00:00Z"}""".formatted(ID)).notes().value()).isEqualTo("plain:happy now");
        assertThat(upcast(ComplaintEscalatedEvent.class, """
                {"complaintId":"%s","from":"HANDLER","to":"SUPERVISOR","reason":"MANUAL","note":"angry parent",
                 "by":"s","at":"2026-03-02T01:00:00Z"}""".formatted(ID)).note().value())
                .isEqualTo("plain:angry parent");
    }

    @Test
    void leavesRevisionTwoAlone() {
        InvestigationNoteAddedEvent event = upcast(InvestigationNoteAddedEvent.class, "2", """
                {"complaintId":"%s","text":"v1:abc","by":"h","at":"2026-03-02T01:00:00Z"}""".formatted(ID));
        assertThat(event.text().value()).isEqualTo("v1:abc");
    }

    private <T> T upcast(Class<T> type, String json) {
        return upcast(type, "1", json);
    }

    private <T> T upcast(Class<T> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("ComplaintCase", ID, 1, "event-1",
                "2026-03-02T01:00:00Z", type.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        EventUpcasterChain chain = new EventUpcasterChain(all());
        List<IntermediateEventRepresentation> upcast = chain
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }

    private List<EventUpcaster> all() {
        return List.of(upcasters.complaintFiledSealed(), upcasters.investigationNoteSealed(),
                upcasters.resolutionProposedSealed(), upcasters.resolutionRejectedSealed(),
                upcasters.complaintClosedSealed(), upcasters.complaintReopenedSealed(),
                upcasters.followUpCallRecordedSealed(), upcasters.complaintEscalatedSealed(),
                upcasters.complaintPausedSealed(), upcasters.complaintWithdrawnSealed());
    }
}
