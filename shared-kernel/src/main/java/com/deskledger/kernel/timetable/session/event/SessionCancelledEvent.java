package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A session was cancelled before it started; its room time is free again. */
@Revision("1")
public record SessionCancelledEvent(SessionId sessionId, String reason, StaffId by, Instant at) {

    @Override
    public String toString() {
        return "SessionCancelledEvent[sessionId=" + sessionId + ", reason hidden]";
    }
}
