package com.deskledger.kernel.member.query;

import com.deskledger.kernel.Money;

import java.time.Instant;

/** One refund waiting for a manager. */
public record PendingRefundRow(String refundId, String memberId, String purchaseId, String item, Money amount,
                               String requestedBy, Instant requestedAt) {
}
