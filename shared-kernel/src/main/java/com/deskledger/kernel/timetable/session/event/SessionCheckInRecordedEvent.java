package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member is present: booked ({@code walkIn} false) or a walk-in taking a free place. {@code credits} is what the
 * session costs; the credits process has the member's account consume it.
 */
@Revision("1")
public record SessionCheckInRecordedEvent(SessionId sessionId, MemberId member, boolean walkIn, Instant start,
                                          int credits, StaffId by, Instant at) {
}
