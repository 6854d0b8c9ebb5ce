package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The session was full: the member waits at {@code position} (1 is next) for a place.
 */
@Revision("1")
public record MemberWaitlistedEvent(SessionId sessionId, MemberId member, int position, StaffId by, Instant at) {
}
