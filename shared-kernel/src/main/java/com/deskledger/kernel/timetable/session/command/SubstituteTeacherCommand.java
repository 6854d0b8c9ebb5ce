package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a session that has not ended a substitute teacher. */
public record SubstituteTeacherCommand(@TargetAggregateIdentifier SessionId sessionId, String teacher, StaffId by,
                                       Instant at) {
}
