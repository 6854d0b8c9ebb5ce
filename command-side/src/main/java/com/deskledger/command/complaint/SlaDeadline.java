package com.deskledger.command.complaint;

import com.deskledger.kernel.complaint.SlaClock;

import java.time.Instant;

/**
 * The payload of an SLA deadline: which clock and the due time it was scheduled for. When it fires the aggregate
 * compares both with the clock's current state, so a deadline made stale by a pause, a retarget or the goal being
 * reached does nothing even if cancelling it did not take.
 */
record SlaDeadline(SlaClock clock, Instant dueAt) {
}
