package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The teacher's head-count of the children in the room, reconciled against the session's roster.
 */
public record RecordSessionHeadCountCommand(@TargetAggregateIdentifier SessionId sessionId, int count, String teacher,
                                            StaffId by, Instant at) {
}
