package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The visitor's registration form: name, contact, needs and how they heard of us. Holds personal data. */
public record RecordRegistrationCommand(@TargetAggregateIdentifier VisitId visitId, String visitorName, String phone,
                                        String needs, String referralSource, Instant at) {

    @Override
    public String toString() {
        return "RecordRegistrationCommand[visitId=" + visitId + ", personal data hidden]";
    }
}
