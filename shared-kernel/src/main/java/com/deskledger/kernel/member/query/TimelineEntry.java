package com.deskledger.kernel.member.query;

import com.deskledger.kernel.Money;

import java.time.Instant;

/**
 * One moment of a member's timeline. {@code summary} never holds personal data; {@code note} is the free text
 * given with it (a reason), shown only to roles that see personal data and gone after erasure.
 */
public record TimelineEntry(Instant at, String kind, String summary, Money amount, String reference, String note) {
}
