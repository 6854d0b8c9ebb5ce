package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.EscalationLevel;
import com.deskledger.kernel.complaint.SlaClock;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A clock's target passed at {@code at} with nobody reaching its goal, raised by a deadline; {@code level} is who was
 * responsible then.
 */
@Revision("1")
public record SlaBreachedEvent(ComplaintId complaintId, SlaClock clock, EscalationLevel level, Instant at)
        implements ComplaintEvent {
}
