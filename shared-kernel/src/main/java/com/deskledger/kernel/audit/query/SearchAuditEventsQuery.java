package com.deskledger.kernel.audit.query;

import java.time.Instant;
import java.util.List;

/**
 * Audit-log search, newest first. Null filters match everything; {@code centres} limits the search to the
 * asker's centres. {@code before} is the cursor of the next page (a global index, exclusive).
 */
public record SearchAuditEventsQuery(String actor, List<String> centres, String type, String aggregate,
                                     String correlationId, Instant from, Instant to, Long before, int size) {

    public SearchAuditEventsQuery {
        centres = List.copyOf(centres);
    }
}
