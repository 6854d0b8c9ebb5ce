package com.deskledger.infra.deadletter;

import com.deskledger.query.admin.SafeCause;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events found to be poison, per view, with why: kept from the attempt that named them to the commit of their
 * dead letter. In memory: after a restart a poison event is simply found again.
 */
@Component
class PoisonRegistry {

    private final Map<String, Map<String, SafeCause>> byView = new ConcurrentHashMap<>();

    void mark(String view, String eventId, SafeCause cause) {
        byView.computeIfAbsent(view, v -> new ConcurrentHashMap<>()).put(eventId, cause);
    }

    SafeCause cause(String view, String eventId) {
        Map<String, SafeCause> events = byView.get(view);
        return events == null ? null : events.get(eventId);
    }

    void forget(String view, String eventId) {
        Map<String, SafeCause> events = byView.get(view);
        if (events != null) {
            events.remove(eventId);
        }
    }
}
