package com.deskledger.kernel.complaint.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step in a complaint's life: the event's type without its {@code Event} suffix, when it happened, who did it
 * ({@code system} for what a deadline did) and its details.
 */
public record TimelineEntry(long sequence, String type, Instant at, String by, Map<String, Object> details) {

    public TimelineEntry {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
