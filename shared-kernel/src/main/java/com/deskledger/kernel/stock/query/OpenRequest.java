package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.stock.ProductId;

import java.time.Instant;

/**
 * One open request: {@code kind} PURCHASE (quantity asked, {@code received} so far) or STOCKTAKE (the difference
 * counted, its value at cost and reason), who asked and when, and who approved (null while it waits).
 */
public record OpenRequest(String kind, String requestId, ProductId productId, String code, String name, int quantity,
                          int received, Long valueMinor, String currency, String reason, String requestedBy,
                          Instant requestedAt, String approvedBy, Instant approvedAt) {
}
