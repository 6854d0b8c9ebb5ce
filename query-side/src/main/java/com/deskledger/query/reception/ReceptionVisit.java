package com.deskledger.query.reception;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** One visit or call in the reception view. */
@Entity
@Table(name = "reception_visit")
class ReceptionVisit implements Persistable<String> {

    @Id
    @Column(name = "visit_id")
    String visitId;
    /** Made here, not loaded: saving it inserts without first looking for the row. */
    @Transient
    private boolean fresh;
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
        this.visitId = visitId;
        this.fresh = true;
    }

    @Override
    public String getId() {
        return visitId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
