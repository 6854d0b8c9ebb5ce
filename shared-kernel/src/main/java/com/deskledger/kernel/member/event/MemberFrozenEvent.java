package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member's packages were frozen: no check-in until unfrozen. */
@Revision("1")
public record MemberFrozenEvent(MemberId memberId, Sealed reason, StaffId frozenBy, Instant at) {
}
