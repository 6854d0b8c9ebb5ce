package com.deskledger.kernel.member;

import java.time.Instant;

/** A time membership's new end after a freeze: the old end plus the frozen days. */
public record MembershipExtension(PurchaseId purchaseId, Instant validUntil) {
}
