package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.complaint.ComplaintId;

import java.time.Instant;

/** Every event of a complaint names it and says when it happened in the business's time. */
public interface ComplaintEvent {

    ComplaintId complaintId();

    Instant at();
}
