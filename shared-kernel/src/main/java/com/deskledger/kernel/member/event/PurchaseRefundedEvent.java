package com.deskledger.kernel.member.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.PurchaseKind;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Money went back to the customer. For a credit pack its unused credits were taken back ({@code creditsRevoked},
 * leaving {@code creditsLeft}); a time membership ended at {@code membershipEndedAt}; a desk sale names the
 * {@code lines} given back. {@code withinCoolingOff} when inside the seven days (七天无理由), otherwise
 * {@code approvedBy} is the manager who approved it.
 */
@Revision("1")
public record PurchaseRefundedEvent(MemberId memberId, RefundId refundId, PurchaseId purchaseId,
                                    PurchaseKind purchaseKind, Money amount, List<RefundLine> lines,
                                    int creditsRevoked, Integer creditsLeft, Instant membershipEndedAt,
                                    boolean withinCoolingOff, StaffId approvedBy, Sealed reason,
                                    StaffId refundedBy, Instant at) {

    public PurchaseRefundedEvent {
        lines = List.copyOf(lines);
    }
}
