package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The registration form was filled in. Holds personal data: never log it. */
@Revision("1")
public record VisitorRegisteredEvent(VisitId visitId, String visitorName, String phone, String needs,
                                     String referralSource, Instant at) {

    @Override
    public String toString() {
        return "VisitorRegisteredEvent[visitId=" + visitId + ", personal data hidden]";
    }
}
