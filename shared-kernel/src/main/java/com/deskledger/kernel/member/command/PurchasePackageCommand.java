package com.deskledger.kernel.member.command;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Buy a package: {@code credits} for a credit pack, {@code validFrom}/{@code validUntil} (end exclusive) for a
 * time membership. A member's second and later packages are renewals.
 */
public record PurchasePackageCommand(@TargetAggregateIdentifier MemberId memberId, PurchaseId purchaseId, String plan,
                                     PackageKind kind, Integer credits, Instant validFrom, Instant validUntil,
                                     Money price, PaymentMethod paymentMethod, String invoiceNumber, StaffId soldBy,
                                     Instant at) {
}
