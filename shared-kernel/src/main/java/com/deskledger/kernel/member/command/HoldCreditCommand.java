package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold {@code credits} of the member's for a session booked, until check-in, leave or no-show consume or release
 * them. {@code quiet}: a member who cannot hold them is answered {@code false} (and an event says so) instead of
 * refused, for a promotion from the waitlist that must not fail the leave that freed the place.
 */
public record HoldCreditCommand(@TargetAggregateIdentifier MemberId memberId, SessionId session, Instant sessionStart,
                                int credits, boolean quiet, StaffId by, Instant at) {
}
