package com.deskledger.kernel.complaint.query;

import java.time.Instant;

/**
 * One complaint as the list shows it. {@code firstRespondedAt} and {@code firstResolvedAt} are the first time each
 * SLA goal was reached (a reopen does not change them); the due times are null once met, paused or breached.
 */
public record ComplaintRow(String complaintId, String centre, String channel, String category, String severity,
                           String status, String level, String slaState, String handler, String department,
                           String nature, String memberId, String customerName, String customerPhone,
                           String filedBy, Instant filedAt, Instant firstResponseDueAt, Instant resolutionDueAt,
                           Instant firstRespondedAt, Instant firstResolvedAt, int reopenCount,
                           String compensationType, Long compensationMinor, String compensationCurrency,
                           String approvalRequiredFrom, Instant closedAt, Instant withdrawnAt, Instant followUpDueAt,
                           Instant followUpDoneAt, Instant updatedAt) {
}
