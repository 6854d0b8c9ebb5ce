package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Unfreeze: time memberships still running when frozen are extended by the frozen days. */
public record UnfreezeMemberCommand(@TargetAggregateIdentifier MemberId memberId, StaffId unfrozenBy, Instant at) {
}
