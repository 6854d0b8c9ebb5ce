package com.deskledger.kernel.member.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A refund after the seven-day window was asked for and waits for a manager's approval. */
@Revision("1")
public record RefundRequestedEvent(MemberId memberId, RefundId refundId, PurchaseId purchaseId, Money amount,
                                   List<RefundLine> lines, Sealed reason, StaffId requestedBy, Instant at) {

    public RefundRequestedEvent {
        lines = List.copyOf(lines);
    }
}
