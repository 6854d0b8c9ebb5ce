package com.deskledger.kernel.member.query;

/**
 * Settled places in class sessions. {@code rate} (出勤率) is checked in over all settled places (check-ins, leaves
 * in time, late leaves and no-shows), or null when there were none.
 */
public record AttendanceCounts(long checkedIn, long onLeave, long lateLeave, long noShow, long total,
                               Double rate, long creditsConsumed) {
}
