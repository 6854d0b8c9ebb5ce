package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A manager approves a refund waiting for approval; the money goes back then. */
public record ApproveRefundCommand(@TargetAggregateIdentifier MemberId memberId, RefundId refundId, StaffId manager,
                                   Instant at) {
}
