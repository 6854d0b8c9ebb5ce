package com.deskledger.query.reception;

import com.deskledger.query.web.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One visit or call in the reception view. */
@Entity
@Table(name = "reception_visit")
class ReceptionVisit extends NewUntilStored {

    @Id
    @Column(name = "visit_id")
    String visitId;
    String centre;
    String channel;
    String purpose;
    String receptionist;
    Integer rings;
    @Column(name = "arrived_at")
    Instant arrivedAt;
    @Column(name = "visitor_name")
    String visitorName;
    String phone;
    String consultant;
    @Column(name = "consultant_assigned_at")
    Instant consultantAssignedAt;
    @Column(name = "handled_by")
    String handledBy;
    @Column(name = "member_id")
    String memberId;
    boolean conversion;
    @Column(name = "feedback_score")
    Integer feedbackScore;
    String outcome;
    @Column(name = "ended_at")
    Instant endedAt;

    protected ReceptionVisit() {
    }

    ReceptionVisit(String visitId) {
        super(true);
        this.visitId = visitId;
    }

    @Override
    public String getId() {
        return visitId;
    }
}
