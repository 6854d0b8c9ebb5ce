package com.deskledger.kernel.member.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A manager turned down a refund that waited for approval; nothing was paid back. */
@Revision("1")
public record RefundRejectedEvent(MemberId memberId, RefundId refundId, PurchaseId purchaseId, Money amount,
                                  StaffId rejectedBy, Sealed reason, Instant at) {
}
