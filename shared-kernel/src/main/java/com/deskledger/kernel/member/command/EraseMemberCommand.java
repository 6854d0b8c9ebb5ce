package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Erase the member's personal data on request (a manager only): the history stays, the person goes. */
public record EraseMemberCommand(@TargetAggregateIdentifier MemberId memberId, StaffId erasedBy, Instant at) {
}
