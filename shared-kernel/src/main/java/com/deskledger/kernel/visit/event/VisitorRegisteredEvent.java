package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The registration form was filled in. Name, phone and needs are sealed with the visit's key (revision 2; revision
 * 1 held them in plain text), so erasing the member the visit led to makes them unreadable; so is the referral
 * source since revision 3 (it may name the friend who sent the visitor).
 */
@Revision("3")
public record VisitorRegisteredEvent(VisitId visitId, Sealed visitorName, Sealed phone, Sealed needs,
                                     Sealed referralSource, Instant at) {
}
