package com.deskledger.query.reception;

import com.deskledger.query.web.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One message taken at the desk; undelivered while {@code deliveredAt} is null. */
@Entity
@Table(name = "reception_message")
class ReceptionMessage extends NewUntilStored {

    @Id
    @Column(name = "message_id")
    String messageId;
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
        super(true);
        this.messageId = messageId;
    }

    @Override
    public String getId() {
        return messageId;
    }
}
