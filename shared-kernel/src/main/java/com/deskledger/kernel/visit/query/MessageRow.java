package com.deskledger.kernel.visit.query;

import java.time.Instant;

/** One message taken at the desk. */
public record MessageRow(String messageId, String visitId, String centre, String recipient, String callbackNumber,
                         String content, Instant takenAt, Instant deliveredAt, String deliveredBy) {
}
