package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A substitute teacher takes the session. */
@Revision("1")
public record TeacherSubstitutedEvent(SessionId sessionId, String fromTeacher, String teacher, StaffId by,
                                      Instant at) {
}
