package com.deskledger.kernel.complaint.query;

import java.time.Instant;

/**
 * A proposed resolution and what became of it: {@code decision} is {@code APPROVED} or {@code REJECTED} when it
 * needed approval; {@code offeredAt} is when the customer was told.
 */
public record ResolutionRow(String summary, String compensationType, Long compensationMinor,
                            String compensationCurrency, String approvalRequiredFrom, String proposedBy,
                            Instant proposedAt, String decision, String decidedBy, Instant decidedAt,
                            Instant offeredAt) {
}
