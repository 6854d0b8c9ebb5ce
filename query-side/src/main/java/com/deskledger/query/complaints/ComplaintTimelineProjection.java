package com.deskledger.query.complaints;

import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.complaint.event.ComplaintEvent;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.member.MemberId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.deskledger.query.web.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each complaint's timeline: every one of its events, who did it (from the event's metadata) and its details. The
 * customer's contact details and the description stay out: the case itself shows them, masked where needed. The free
 * text staff write (notes, comments, reasons, summaries) is sealed in the events; opened, it is kept apart from the
 * details ({@code personal}), shown only to the roles that see personal data, and replaced by {@code [erased]} when
 * the member who complained is erased.
 */
@Component
@ViewTables("complaint_timeline")
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class ComplaintTimelineProjection {

    /** Fields every complaint event has, or that hold personal data shown (masked) elsewhere. */
    private static final List<String> LEFT_OUT = List.of("complaintId", "at", "customer", "description");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ComplaintSeals seals;

    ComplaintTimelineProjection(JdbcTemplate jdbc, ObjectMapper json, ComplaintSeals seals) {
        this.jdbc = jdbc;
        this.json = json;
        this.seals = seals;
    }

    @EventHandler
    void on(ComplaintEvent event, EventMessage<?> message, @SequenceNumber Long sequence,
            @MetaDataValue(MetaDataKeys.USER) String user) throws JsonProcessingException {
        Map<String, Object> details = json.convertValue(event, MAP);
        LEFT_OUT.forEach(details::remove);
        Map<String, Object> personal = new LinkedHashMap<>();
        MemberId member = event instanceof ComplaintFiledEvent filed ? filed.customer().memberId()
                : seals.memberOf(event.complaintId());
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == Sealed.class && details.remove(component.getName()) != null) {
                personal.put(component.getName(),
                        seals.open(event.complaintId(), member, (Sealed) read(component, event)));
            }
        }
        details.values().removeIf(Objects::isNull);
        String type = event.getClass().getSimpleName().replaceFirst("Event$", "");
        jdbc.update("""
                insert into complaint_timeline (event_id, complaint_id, sequence, type, at, actor, details, personal)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) on conflict do nothing""",
                message.getIdentifier(), event.complaintId().value(), sequence, type, Timestamp.from(event.at()),
                user, json.writeValueAsString(details), personal.isEmpty() ? null : json.writeValueAsString(personal));
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read an event's field", e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_timeline");
    }
}
