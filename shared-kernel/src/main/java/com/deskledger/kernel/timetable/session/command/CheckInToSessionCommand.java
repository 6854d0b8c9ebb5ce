package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Check a member in to a session: a booked member, or a walk-in while places are left (a member waiting takes a
 * place that way too). The member's credits are consumed by the credits process.
 */
public record CheckInToSessionCommand(@TargetAggregateIdentifier SessionId sessionId, MemberId member, StaffId by,
                                      Instant at) {
}
