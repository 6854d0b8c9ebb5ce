package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The member checked in to a class session, covered by package {@code coveredBy}; a credit pack lost one credit
 * ({@code creditConsumed}) and has {@code creditsLeft}; a time membership consumed nothing (creditsLeft null).
 */
@Revision("1")
public record ClassCheckedInEvent(MemberId memberId, ClassSession session, PurchaseId coveredBy,
                                  boolean creditConsumed, Integer creditsLeft, StaffId checkedInBy, Instant at) {
}
