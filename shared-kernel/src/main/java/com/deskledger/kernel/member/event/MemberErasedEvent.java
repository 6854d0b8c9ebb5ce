package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The member's personal data was erased on request: their key is destroyed with this event, so every sealed value
 * of theirs is unreadable from now on. Money and attendance stay as they were.
 */
@Revision("1")
public record MemberErasedEvent(MemberId memberId, StaffId erasedBy, Instant at) {
}
