package com.deskledger.kernel.complaint.query;

import java.time.Instant;

/**
 * One complaint as the list shows it. {@code firstRespondedAt} and {@code firstResolvedAt} are the first time each
 * SLA goal was reached (a reopen does not change them); the due times are null once met, paused or breached.
 * {@code nextDueAt} is the earlier due time of the clocks still running, {@code businessSecondsLeft} the centre's
 * business time from the query's moment to it (0 once passed), and {@code nearlyDue} says a running clock has less
 * than a quarter of its target left (less than one business hour when its target is not known), or has passed its
 * due time without its breach recorded yet.
 */
public record ComplaintRow(String complaintId, String centre, String channel, String category, String severity,
                           String status, String level, String slaState, String handler, String department,
                           String nature, String memberId, String customerName, String customerPhone,
                           String filedBy, Instant filedAt, Instant firstResponseDueAt, Instant resolutionDueAt,
                           Instant firstRespondedAt, Instant firstResolvedAt, int reopenCount,
                           String compensationType, Long compensationMinor, String compensationCurrency,
                           String approvalRequiredFrom, Instant closedAt, Instant withdrawnAt, Instant followUpDueAt,
                           Instant followUpDoneAt, Instant updatedAt, Instant nextDueAt, Long businessSecondsLeft,
                           boolean nearlyDue) {

    /** Without a target, a clock is nearly due when less than this business time is left. */
    public static final long NEARLY_DUE_FALLBACK_SECONDS = 3600;
}
