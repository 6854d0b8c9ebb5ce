package com.deskledger.kernel.member.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.SaleLine;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Products were sold at the desk; {@code total} is the exact sum of the lines. */
@Revision("1")
public record ProductsSoldEvent(MemberId memberId, PurchaseId purchaseId, List<SaleLine> lines, Money total,
                                PaymentMethod paymentMethod, String invoiceNumber, StaffId soldBy, Instant at) {

    public ProductsSoldEvent {
        lines = List.copyOf(lines);
    }
}
