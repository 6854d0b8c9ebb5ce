package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer was not satisfied: the complaint is reopened for the {@code reopenCount}-th time. */
@Revision("1")
public record ComplaintReopenedEvent(ComplaintId complaintId, String comment, int reopenCount, StaffId by, Instant at)
        implements ComplaintEvent {
}
