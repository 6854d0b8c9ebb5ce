package com.deskledger.query.audit;

import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.audit.query.AggregateHistory;
import com.deskledger.kernel.audit.query.AuditedEvent;
import com.deskledger.kernel.audit.query.FindAggregateEventsQuery;
import com.deskledger.query.web.PersonalDataRule;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an aggregate's history from the event store itself (never from a projection), snapshots ignored; personal
 * fields masked by the one rule ({@link PersonalDataRule}) for roles that see no personal data.
 */
@Component
class AuditQueryHandler {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final ObjectMapper json;

    AuditQueryHandler(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    /** Empty when the aggregate does not exist or is of another type. */
    @QueryHandler
    Optional<AggregateHistory> history(FindAggregateEventsQuery query) {
        List<AuditedEvent> events = new ArrayList<>();
        String centre = null;
        var stream = eventStore.readEvents(query.aggregateId(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!query.aggregateType().equals(event.getType())) {
                return Optional.empty();
            }
            Map<String, Object> metadata = new LinkedHashMap<>(event.getMetaData());
            if (centre == null && metadata.get(MetaDataKeys.CENTRE) != null) {
                centre = metadata.get(MetaDataKeys.CENTRE).toString();
            }
            events.add(new AuditedEvent(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    revisionOf(event.getPayloadType()), event.getTimestamp(), event.getIdentifier(), metadata,
                    payload(event.getPayload(), query.revealPersonal())));
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AggregateHistory(query.aggregateType(), query.aggregateId(), centre, events));
    }

    private Map<String, Object> payload(Object payload, boolean revealPersonal) {
        Map<String, Object> stored = json.convertValue(payload, MAP);
        return revealPersonal ? stored : PersonalDataRule.maskPayload(payload, stored);
    }

    private static String revisionOf(Class<?> payloadType) {
        org.axonframework.serialization.Revision revision =
                payloadType.getAnnotation(org.axonframework.serialization.Revision.class);
        return revision == null ? null : revision.value();
    }
}
