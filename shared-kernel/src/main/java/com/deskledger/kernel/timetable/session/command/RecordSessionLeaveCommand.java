package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A booked member takes leave (请假) before the session starts; the first member waiting is promoted.
 */
public record RecordSessionLeaveCommand(@TargetAggregateIdentifier SessionId sessionId, MemberId member, StaffId by,
                                        Instant at) {
}
