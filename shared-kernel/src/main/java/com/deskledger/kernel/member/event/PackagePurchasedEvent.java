package com.deskledger.kernel.member.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A package was bought: {@code credits} for a credit pack, {@code validFrom}/{@code validUntil} (end exclusive)
 * for a time membership. {@code renewal} when the member had bought a package before; {@code renewalOf} names the
 * package renewed when the desk renewed one explicitly.
 */
@Revision("1")
public record PackagePurchasedEvent(MemberId memberId, PurchaseId purchaseId, String plan, PackageKind kind,
                                    Integer credits, Instant validFrom, Instant validUntil, Money price,
                                    PaymentMethod paymentMethod, String invoiceNumber, boolean renewal,
                                    PurchaseId renewalOf, StaffId soldBy, Instant at) {
}
