package com.deskledger.kernel.audit.query;

import java.util.List;

/** A page of audit rows, newest first; {@code next} is the cursor for the following page, null at the end. */
public record AuditEventPage(List<AuditEventRow> items, Long next) {

    public AuditEventPage {
        items = List.copyOf(items);
    }
}
