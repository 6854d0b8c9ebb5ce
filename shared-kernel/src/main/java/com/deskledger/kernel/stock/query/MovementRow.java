package com.deskledger.kernel.stock.query;

import java.time.Instant;

/**
 * One movement: its kind, the change to the stock on hand (negative going out), the stock after it, the reason
 * (issue or adjustment reason, a sale's MEMBER or WALK_IN, a transfer's other centre), the id it refers to, its
 * value (at cost; a sale at its price), who did it and when.
 */
public record MovementRow(String kind, int quantity, Integer onHandAfter, String reason, String reference,
                          Long valueMinor, String currency, String actor, Instant at) {
}
