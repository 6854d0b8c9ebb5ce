package com.deskledger.kernel.complaint.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintChannel;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.Customer;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A customer complains (manual 002 §4.4: listen, record the points, calm the customer). {@code receivedAt} is when
 * the complaint reached the desk, from which the SLA clocks run; {@code visitId} is the visit or call it came from,
 * if any. Holds personal data: never log it.
 */
public record FileComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, CentreId centre,
                                   ComplaintChannel channel, Customer customer, ComplaintCategory category,
                                   String description, Severity severity, VisitId visitId, StaffId filedBy,
                                   Instant receivedAt) implements CentreScoped {

    @Override
    public String toString() {
        return "FileComplaintCommand[complaintId=" + complaintId + ", centre=" + centre + ", severity=" + severity
                + ", personal data hidden]";
    }
}
