package com.deskledger.kernel.shift.query;

import java.time.Instant;

/**
 * The teacher's head-count of one class session (class id and scheduled start): the latest one recorded, and how
 * many times it was recorded.
 */
public record HeadCountRow(String classId, String className, Instant scheduledStart, String room, int count,
                           String teacher, String recordedBy, Instant recordedAt, String shiftId,
                           String headCountId, int recordings) {
}
