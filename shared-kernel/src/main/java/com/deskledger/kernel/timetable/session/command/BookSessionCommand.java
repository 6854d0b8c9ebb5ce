package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Book a member into a session; a full session puts them on its waitlist.
 */
public record BookSessionCommand(@TargetAggregateIdentifier SessionId sessionId, MemberId member, StaffId by,
                                 Instant at) {
}
