package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The credits held for a session are free again.
 */
@Revision("1")
public record CreditReleasedEvent(MemberId memberId, SessionId session, int credits, StaffId by, Instant at) {
}
