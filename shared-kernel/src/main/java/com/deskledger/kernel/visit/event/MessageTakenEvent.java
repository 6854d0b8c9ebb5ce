package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A message was taken for an absent person. Holds personal data: never log it. */
@Revision("1")
public record MessageTakenEvent(VisitId visitId, MessageId messageId, String recipient, String callbackNumber,
                                String content, Instant at) {

    @Override
    public String toString() {
        return "MessageTakenEvent[visitId=" + visitId + ", messageId=" + messageId + ", personal data hidden]";
    }
}
