package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Release the credits held for a session (booking cancelled, session cancelled). Idempotent: nothing held, nothing
 * released.
 */
public record ReleaseCreditCommand(@TargetAggregateIdentifier MemberId memberId, SessionId session, StaffId by,
                                   Instant at) {
}
