package com.deskledger.kernel.member.query;

import com.deskledger.kernel.Money;

import java.time.Instant;
import java.util.List;

/** A member's profile with their packages. After erasure every personal field is null and {@code erased} true. */
public record MemberProfile(String memberId, String centre, String kind, String name, String idNumber,
                            String guardianName, String guardianPhone, String phone, String email, String status,
                            boolean erased, String visitId, Instant enrolledAt, Instant frozenSince,
                            List<PackageRow> packages) {

    public MemberProfile {
        packages = List.copyOf(packages);
    }

    /** One package with what is left of it; validUntil is exclusive. */
    public record PackageRow(String purchaseId, String plan, String kind, Integer credits, Integer creditsLeft,
                             Instant validFrom, Instant validUntil, Money price, Money refunded, boolean renewal,
                             Instant purchasedAt) {
    }
}
