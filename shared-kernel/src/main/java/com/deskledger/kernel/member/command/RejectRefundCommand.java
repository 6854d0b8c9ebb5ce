package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A manager turns down a refund waiting for approval. */
public record RejectRefundCommand(@TargetAggregateIdentifier MemberId memberId, RefundId refundId, StaffId manager,
                                  String reason, Instant at) {

    @Override
    public String toString() {
        return "RejectRefundCommand[memberId=" + memberId + ", refundId=" + refundId + ", reason hidden]";
    }
}
