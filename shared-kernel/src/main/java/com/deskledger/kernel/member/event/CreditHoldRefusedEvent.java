package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member could not hold credits for a session they were promoted into; {@code reason} is an error code.
 */
@Revision("1")
public record CreditHoldRefusedEvent(MemberId memberId, SessionId session, String reason, StaffId by, Instant at) {
}
