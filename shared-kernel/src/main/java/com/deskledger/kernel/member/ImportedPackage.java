package com.deskledger.kernel.member;

import com.deskledger.kernel.Money;

import java.time.Instant;

/**
 * The package an imported member holds as the old system left it: a credit pack with {@code creditsLeft} of
 * {@code credits} bought, or a time membership {@code validFrom} to {@code validUntil} (end exclusive); the price
 * paid, how, and when it was bought. It was paid in the old system: it is no sale of DeskLedger's.
 */
public record ImportedPackage(PurchaseId purchaseId, String plan, PackageKind kind, Integer credits,
                              Integer creditsLeft, Instant validFrom, Instant validUntil, Money price,
                              PaymentMethod paymentMethod, Instant purchasedAt) {
}
