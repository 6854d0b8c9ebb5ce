package com.deskledger.kernel.visit.query;

import java.time.Instant;

/** One visit or call as the reception list shows it. */
public record VisitRow(String visitId, String centre, String channel, String purpose, String receptionist,
                       Integer rings, Instant arrivedAt, String visitorName, String phone, String consultant,
                       Instant consultantAssignedAt, String memberId, boolean conversion, Integer feedbackScore,
                       String outcome, Instant endedAt) {
}
