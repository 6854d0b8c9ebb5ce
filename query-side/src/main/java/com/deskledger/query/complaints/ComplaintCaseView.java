package com.deskledger.query.complaints;

import com.deskledger.query.web.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One complaint in the complaints view. {@code firstResponseSeconds} and {@code resolutionSeconds} are business
 * seconds to the first time each SLA goal was reached; a reopen does not change them. The breach flags stay set.
 */
@Entity
@Table(name = "complaint_case")
class ComplaintCaseView extends NewUntilStored {

    @Id
    @Column(name = "complaint_id")
    String complaintId;
    String centre;
    String channel;
    String category;
    String severity;
    String status;
    String level;
    String handler;
    String department;
    String nature;
    @Column(name = "member_id")
    String memberId;
    @Column(name = "customer_name")
    String customerName;
    @Column(name = "customer_phone")
    String customerPhone;
    String description;
    @Column(name = "visit_id")
    String visitId;
    @Column(name = "filed_by")
    String filedBy;
    @Column(name = "filed_at")
    Instant filedAt;
    @Column(name = "first_response_due_at")
    Instant firstResponseDueAt;
    @Column(name = "resolution_due_at")
    Instant resolutionDueAt;
    @Column(name = "first_response_target_seconds")
    Long firstResponseTargetSeconds;
    @Column(name = "resolution_target_seconds")
    Long resolutionTargetSeconds;
    @Column(name = "first_responded_at")
    Instant firstRespondedAt;
    @Column(name = "first_response_seconds")
    Long firstResponseSeconds;
    @Column(name = "first_resolved_at")
    Instant firstResolvedAt;
    @Column(name = "resolution_seconds")
    Long resolutionSeconds;
    @Column(name = "first_response_breached")
    boolean firstResponseBreached;
    @Column(name = "resolution_breached")
    boolean resolutionBreached;
    boolean paused;
    @Column(name = "reopen_count")
    int reopenCount;
    @Column(name = "compensation_type")
    String compensationType;
    @Column(name = "compensation_minor")
    Long compensationMinor;
    @Column(name = "compensation_currency")
    String compensationCurrency;
    @Column(name = "approval_required_from")
    String approvalRequiredFrom;
    @Column(name = "closed_at")
    Instant closedAt;
    @Column(name = "withdrawn_at")
    Instant withdrawnAt;
    @Column(name = "follow_up_due_at")
    Instant followUpDueAt;
    @Column(name = "follow_up_done_at")
    Instant followUpDoneAt;
    @Column(name = "follow_up_reached")
    Boolean followUpReached;
    @Column(name = "follow_up_satisfied")
    Boolean followUpSatisfied;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected ComplaintCaseView() {
    }

    ComplaintCaseView(String complaintId) {
        super(true);
        this.complaintId = complaintId;
    }

    @Override
    public String getId() {
        return complaintId;
    }
}
