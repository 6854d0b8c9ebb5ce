package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The person wanted is absent: a message is taken for them. Holds personal data (the call-back number). */
public record TakeMessageCommand(@TargetAggregateIdentifier VisitId visitId, MessageId messageId, String recipient,
                                 String callbackNumber, String content, Instant at) {

    @Override
    public String toString() {
        return "TakeMessageCommand[visitId=" + visitId + ", messageId=" + messageId + ", personal data hidden]";
    }
}
