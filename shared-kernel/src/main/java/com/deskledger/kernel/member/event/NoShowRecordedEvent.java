package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member neither came nor asked leave; a credit of {@code chargedTo} was consumed if the policy says so. */
@Revision("1")
public record NoShowRecordedEvent(MemberId memberId, ClassSession session, boolean creditConsumed,
                                  PurchaseId chargedTo, Integer creditsLeft, StaffId recordedBy, Instant at) {
}
