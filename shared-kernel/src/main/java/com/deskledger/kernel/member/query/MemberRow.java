package com.deskledger.kernel.member.query;

import java.time.Instant;

/** A member in the list: who, status, and what is left of their packages. Erased members show no personal data. */
public record MemberRow(String memberId, String centre, String kind, String name, String phone,
                       String guardianName, String guardianPhone, String status, Instant enrolledAt,
                       long creditsLeft, Instant membershipUntil) {
}
