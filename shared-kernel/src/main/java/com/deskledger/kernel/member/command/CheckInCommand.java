package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Check the member in to a class session; needs an active package and consumes a credit of a credit pack. */
public record CheckInCommand(@TargetAggregateIdentifier MemberId memberId, ClassSession session,
                             StaffId checkedInBy, Instant at) {
}
