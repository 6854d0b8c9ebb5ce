package com.deskledger.query.complaints;

import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.complaint.event.ComplaintEvent;
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

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each complaint's timeline: every one of its events, who did it (from the event's metadata) and its details. The
 * customer's contact details and the description stay out: the case itself shows them, masked where needed.
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

    ComplaintTimelineProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ComplaintEvent event, EventMessage<?> message, @SequenceNumber Long sequence,
            @MetaDataValue(MetaDataKeys.USER) String user) throws JsonProcessingException {
        Map<String, Object> details = json.convertValue(event, MAP);
        LEFT_OUT.forEach(details::remove);
        details.values().removeIf(Objects::isNull);
        String type = event.getClass().getSimpleName().replaceFirst("Event$", "");
        jdbc.update("""
                insert into complaint_timeline (event_id, complaint_id, sequence, type, at, actor, details)
                values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing""",
                message.getIdentifier(), event.complaintId().value(), sequence, type, Timestamp.from(event.at()),
                user, json.writeValueAsString(details));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_timeline");
    }
}
