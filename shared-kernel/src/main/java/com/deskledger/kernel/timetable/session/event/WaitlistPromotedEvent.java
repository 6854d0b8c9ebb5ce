package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A place came free and the first member waiting got it, by themselves: the session now holds their
 * {@code credits}. The guardian is to be told (notices react to this event).
 */
@Revision("1")
public record WaitlistPromotedEvent(SessionId sessionId, MemberId member, Instant start, int credits, StaffId by,
                                    Instant at) {
}
