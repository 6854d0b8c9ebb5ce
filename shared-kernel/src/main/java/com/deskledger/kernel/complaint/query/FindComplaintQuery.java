package com.deskledger.kernel.complaint.query;

import com.deskledger.kernel.complaint.ComplaintId;

/** One complaint with its resolutions and timeline; empty when there is no such complaint. */
public record FindComplaintQuery(ComplaintId complaintId, boolean revealPersonal) {
}
