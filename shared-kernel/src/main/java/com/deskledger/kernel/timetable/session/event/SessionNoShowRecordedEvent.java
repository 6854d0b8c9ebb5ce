package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * After the session a booked member had neither come nor taken leave: a no-show, recorded by the session's own
 * deadline; the member's account applies the centre's no-show policy.
 */
@Revision("1")
public record SessionNoShowRecordedEvent(SessionId sessionId, MemberId member, Instant start, Instant at) {
}
