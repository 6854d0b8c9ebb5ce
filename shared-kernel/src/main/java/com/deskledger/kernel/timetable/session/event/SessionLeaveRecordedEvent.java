package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A booked member took leave before the start; the member's account applies the centre's late-leave policy.
 */
@Revision("1")
public record SessionLeaveRecordedEvent(SessionId sessionId, MemberId member, Instant start, StaffId by,
                                        Instant at) {
}
