package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The member asked leave from a class session; {@code late} when inside the centre's late-leave window, and then
 * a credit of {@code chargedTo} was consumed when the centre's policy says so (leaving {@code creditsLeft}).
 */
@Revision("1")
public record LeaveRequestedEvent(MemberId memberId, ClassSession session, boolean late, boolean creditConsumed,
                                  PurchaseId chargedTo, Integer creditsLeft, Sealed reason, StaffId recordedBy,
                                  Instant at) {
}
