package com.deskledger.kernel.report.query;

import java.time.Instant;

/**
 * One class session (centre, class id, scheduled start): the teacher's latest head-count, null when none was
 * recorded, against the members checked in. {@code mismatch} when a head-count exists and differs.
 */
public record ReconciliationRow(String classId, Instant scheduledStart, Integer headCount, long checkIns,
                                long otherMarks, Integer difference, boolean mismatch) {
}
