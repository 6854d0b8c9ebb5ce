package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Sell products at the desk (toys, a birthday party, merchandise), one or more lines. */
public record SellProductsCommand(@TargetAggregateIdentifier MemberId memberId, PurchaseId purchaseId,
                                  List<ProductLine> lines, PaymentMethod paymentMethod,
                                  String invoiceNumber, StaffId soldBy, Instant at) {

    public SellProductsCommand {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
