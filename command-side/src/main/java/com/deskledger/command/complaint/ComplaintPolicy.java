package com.deskledger.command.complaint;

import com.deskledger.kernel.BusinessHours;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaClock;

import java.time.Duration;

/** The configurable rules a complaint is handled by; injected into the aggregate's handlers. */
interface ComplaintPolicy {

    /** The business time a clock may run for a complaint of that severity at that centre. */
    Duration target(CentreId centre, Severity severity, SlaClock clock);

    /** The centre's opening hours, in which SLA time is counted. */
    BusinessHours businessHours(CentreId centre);

    /** Compensation above this many minor units needs a manager's approval. */
    long approvalLimitMinor();

    /** The currency of the approval limit; compensation in another currency is refused. */
    String approvalLimitCurrency();

    /** How long after closing the follow-up call is due. */
    Duration followUpAfter();
}
