package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The follow-up call was made; {@code satisfied} is null when the customer was not reached. The notes are sealed with
 * the customer's key (revision 2; revision 1 held them in plain text).
 */
@Revision("2")
public record FollowUpCallRecordedEvent(ComplaintId complaintId, boolean reached, Boolean satisfied, Sealed notes,
                                        StaffId by, Instant at) implements ComplaintEvent {
}
