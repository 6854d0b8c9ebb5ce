package com.deskledger.infra.upcasting;

import com.deskledger.kernel.visit.event.CallTransferredEvent;
import com.deskledger.kernel.visit.event.FeedbackRecordedEvent;
import com.deskledger.kernel.visit.event.MessageTakenEvent;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Visit events of earlier revisions, as stored JSON, come out at the current revision with plain values marked. */
class VisitUpcastersTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
    private final VisitUpcasters upcasters = new VisitUpcasters();

    @Test
    void marksTheRegistrationFormsPlainValues() {
        VisitorRegisteredEvent event = upcast(VisitorRegisteredEvent.class, """
                {"visitId":"7d3c1f9e-0000-4000-8000-000000000001","visitorName":"Zhang San",
                 "phone":"13800000000","needs":"","referralSource":"friend","at":"2026-03-02T01:00:00Z"}""");
        assertThat(event.visitorName().value()).isEqualTo("plain:Zhang San");
        assertThat(event.phone().value()).isEqualTo("plain:13800000000");
        assertThat(event.needs()).isNull();
        assertThat(event.referralSource().value()).isEqualTo("plain:friend");
    }

    @Test
    void marksARevisionTwoRegistrationsReferralSource() {
        VisitorRegisteredEvent event = upcast(VisitorRegisteredEvent.class, "2", """
                {"visitId":"7d3c1f9e-0000-4000-8000-000000000001","visitorName":"v1:abc","phone":null,
                 "needs":null,"referralSource":"sent by Wang Fang","at":"2026-03-02T01:00:00Z"}""");
        assertThat(event.visitorName().value()).isEqualTo("v1:abc");
        assertThat(event.referralSource().value()).isEqualTo("plain:sent by Wang Fang");
    }

    @Test
    void marksTheFeedbackCommentAndATransfersReason() {
        FeedbackRecordedEvent feedback = upcast(FeedbackRecordedEvent.class, """
                {"visitId":"7d3c1f9e-0000-4000-8000-000000000001","score":4,"comment":"Ms Gao was kind",
                 "at":"2026-03-02T01:00:00Z"}""");
        assertThat(feedback.score()).isEqualTo(4);
        assertThat(feedback.comment().value()).isEqualTo("plain:Ms Gao was kind");
        CallTransferredEvent transfer = upcast(CallTransferredEvent.class, """
                {"visitId":"7d3c1f9e-0000-4000-8000-000000000001","from":"desk","to":"head","reason":"",
                 "at":"2026-03-02T01:00:00Z"}""");
        assertThat(transfer.to().value()).isEqualTo("head");
        assertThat(transfer.reason()).isNull();
    }

    @Test
    void marksAMessagesCallBackNumberAndContentAndKeepsAMissingNumberMissing() {
        MessageTakenEvent event = upcast(MessageTakenEvent.class, """
                {"visitId":"7d3c1f9e-0000-4000-8000-000000000001","messageId":"7d3c1f9e-0000-4000-8000-000000000002",
                 "recipient":"Teacher Li","callbackNumber":null,"content":"call back","at":"2026-03-02T01:00:00Z"}""");
        assertThat(event.recipient()).isEqualTo("Teacher Li");
        assertThat(event.callbackNumber()).isNull();
        assertThat(event.content().value()).isEqualTo("plain:call back");
    }

    @Test
    void leavesTheLatestRevisionAlone() {
        VisitorRegisteredEvent event = upcast(VisitorRegisteredEvent.class, "3", """
                {"visitId":"7d3c1f9e-0000-4000-8000-000000000001","visitorName":"v1:abc","phone":null,
                 "needs":null,"referralSource":null,"at":"2026-03-02T01:00:00Z"}""");
        assertThat(event.visitorName().value()).isEqualTo("v1:abc");
    }

    private <T> T upcast(Class<T> type, String json) {
        return upcast(type, "1", json);
    }

    private <T> T upcast(Class<T> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("VisitorSession",
                "7d3c1f9e-0000-4000-8000-000000000001", 1, "event-1", "2026-03-02T01:00:00Z", type.getName(),
                revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        EventUpcasterChain chain = new EventUpcasterChain(upcasters.visitorRegisteredSealed(),
                upcasters.visitorRegisteredReferralSealed(), upcasters.messageTakenSealed(),
                upcasters.feedbackRecordedSealed(), upcasters.callTransferredSealed());
        List<IntermediateEventRepresentation> upcast = chain
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(
                type.getAnnotation(org.axonframework.serialization.Revision.class).value());
        return serializer.deserialize(upcast.get(0).getData());
    }
}
