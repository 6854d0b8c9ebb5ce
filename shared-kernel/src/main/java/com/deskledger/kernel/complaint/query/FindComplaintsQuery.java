package com.deskledger.kernel.complaint.query;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintStatus;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaState;

import java.time.Duration;
import java.time.Instant;

/**
 * One page of a centre's complaints. Every filter may be null (no filter); {@code handler} {@code "-"} asks for
 * unassigned complaints. Age is counted from filing to {@code asOf}: at least {@code minAge}, at most
 * {@code maxAge}. Personal data is masked unless revealed.
 */
public record FindComplaintsQuery(CentreId centre, ComplaintStatus status, Severity severity,
                                  ComplaintCategory category, String department, String handler, Duration minAge,
                                  Duration maxAge, SlaState sla, Instant asOf, ComplaintSort sort, boolean descending,
                                  int page, int size, boolean revealPersonal) {

    /** The {@code handler} filter value that asks for complaints nobody was assigned to. */
    public static final String UNASSIGNED = "-";
}
