package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member has a place in the session, which holds {@code credits} of theirs until check-in, leave or no-show.
 */
@Revision("1")
public record SessionBookedEvent(SessionId sessionId, MemberId member, Instant start, int credits, StaffId by,
                                 Instant at) {
}
