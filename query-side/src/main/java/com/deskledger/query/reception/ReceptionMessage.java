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

/** One message taken at the desk; undelivered while {@code deliveredAt} is null. */
@Entity
@Table(name = "reception_message")
class ReceptionMessage implements Persistable<String> {

    @Id
    @Column(name = "message_id")
    String messageId;
    /** Made here, not loaded: saving it inserts without first looking for the row. */
    @Transient
    private boolean fresh;
    @Column(name = "visit_id")
    String visitId;
    String centre;
    String recipient;
    @Column(name = "callback_number")
    String callbackNumber;
    String content;
    @Column(name = "taken_at")
    Instant takenAt;
    @Column(name = "delivered_at")
    Instant deliveredAt;
    @Column(name = "delivered_by")
    String deliveredBy;

    protected ReceptionMessage() {
    }

    ReceptionMessage(String messageId) {
        this.messageId = messageId;
        this.fresh = true;
    }

    @Override
    public String getId() {
        return messageId;
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
