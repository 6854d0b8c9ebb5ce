package com.deskledger.kernel.member.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Refund a purchase: a package by {@code amount}, a desk sale by {@code lines} (every remaining unit when none
 * are named). Within seven days no reason is needed; later it needs a reason and a manager's approval, which
 * {@code byManager} gives at once and otherwise leaves the refund waiting for one.
 */
public record RefundPurchaseCommand(@TargetAggregateIdentifier MemberId memberId, RefundId refundId,
                                    PurchaseId purchaseId, Money amount, List<LineQuantity> lines, String reason,
                                    StaffId requestedBy, boolean byManager, Instant at) {

    public RefundPurchaseCommand {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "RefundPurchaseCommand[memberId=" + memberId + ", refundId=" + refundId + ", reason hidden]";
    }
}
