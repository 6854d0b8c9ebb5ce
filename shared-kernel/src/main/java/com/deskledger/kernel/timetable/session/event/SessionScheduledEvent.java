package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.TemplateId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A session was put on the timetable; {@code template} is null for a session added on its own. */
@Revision("1")
public record SessionScheduledEvent(SessionId sessionId, CentreId centre, SessionKind kind, TemplateId template,
                                    String title, RoomId room, String roomName, String teacher, Instant start,
                                    Instant end, int places, int credits, StaffId by, Instant at)
        implements CentreScoped {
}
