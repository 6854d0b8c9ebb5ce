package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The visit was linked to a member; {@code conversion} when the member was enrolled from this visit. */
@Revision("1")
public record MemberLinkedEvent(VisitId visitId, MemberId memberId, boolean conversion, Instant at) {
}
