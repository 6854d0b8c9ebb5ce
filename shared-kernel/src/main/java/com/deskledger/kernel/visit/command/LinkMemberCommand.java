package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The visit is linked to a member; {@code conversion} when the member was enrolled from this visit. */
public record LinkMemberCommand(@TargetAggregateIdentifier VisitId visitId, MemberId memberId, boolean conversion,
                                Instant at) {
}
