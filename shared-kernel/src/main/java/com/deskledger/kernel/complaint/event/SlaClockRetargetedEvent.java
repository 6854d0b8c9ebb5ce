package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.SlaClock;
import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;

/**
 * The severity changed and with it a clock's target; {@code dueAt} is null while the clock is paused or already
 * breached.
 */
@Revision("1")
public record SlaClockRetargetedEvent(ComplaintId complaintId, SlaClock clock, Duration target, Instant dueAt,
                                      Instant at) implements ComplaintEvent {
}
