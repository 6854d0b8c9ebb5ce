package com.deskledger.kernel.member.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Renew (续约) a package: the same plan again at today's price. A credit pack brings the same number of credits;
 * a time membership runs for the same number of days from the end of the renewed one (or from today, in the
 * centre's zone, when that has passed).
 */
public record RenewPackageCommand(@TargetAggregateIdentifier MemberId memberId, PurchaseId purchaseId,
                                  PurchaseId renewing, Money price, PaymentMethod paymentMethod,
                                  String invoiceNumber, ZoneId zone, StaffId soldBy, Instant at) {
}
