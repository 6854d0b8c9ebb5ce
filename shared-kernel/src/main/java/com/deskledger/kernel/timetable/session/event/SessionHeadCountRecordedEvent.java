package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The teacher counted {@code count} children; the roster at that moment: booked, present, on leave, waiting,
 * walk-ins. {@code mismatch} when the count differs from the members present.
 */
@Revision("1")
public record SessionHeadCountRecordedEvent(SessionId sessionId, int count, String teacher, int booked, int present,
                                            int onLeave, int waiting, int walkIns, boolean mismatch, StaffId by,
                                            Instant at) {
}
