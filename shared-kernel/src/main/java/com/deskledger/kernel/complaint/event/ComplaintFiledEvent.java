package com.deskledger.kernel.complaint.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintChannel;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.complaint.SealedCustomer;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A complaint was filed; {@code at} is when it reached the desk. It starts with its handler; a major one is escalated
 * to a manager at once. The customer's name and phone and the description are sealed with the customer's key: the
 * member's when the complaint names one, else the complaint's own (revision 2; revision 1 held them in plain text).
 */
@Revision("2")
public record ComplaintFiledEvent(ComplaintId complaintId, CentreId centre, ComplaintChannel channel,
                                  SealedCustomer customer, ComplaintCategory category, Sealed description,
                                  Severity severity, VisitId visitId, StaffId filedBy, Instant at)
        implements ComplaintEvent, CentreScoped {

    @Override
    public String toString() {
        return "ComplaintFiledEvent[complaintId=" + complaintId + ", centre=" + centre + ", severity=" + severity
                + ", personal data hidden]";
    }
}
