package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel a member's booking or place on the waitlist before the session starts; a freed place goes to the first
 * member waiting. {@code reason}: {@code CANCELLED} by the desk, or {@code NO_CREDITS} when a promoted member
 * could not hold the credits (sent by the credits process).
 */
public record CancelBookingCommand(@TargetAggregateIdentifier SessionId sessionId, MemberId member, String reason,
                                   StaffId by, Instant at) {
}
