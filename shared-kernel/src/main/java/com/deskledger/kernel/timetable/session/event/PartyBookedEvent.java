package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.timetable.SessionId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The party's terms, after its {@code SessionScheduledEvent} (kind PARTY): the package, price and deposit, the
 * guardian and the number of children. The deposit is taken as a sale on the guardian's account
 * ({@code depositPurchase}); nothing is sold for a deposit of zero.
 */
@Revision("1")
public record PartyBookedEvent(SessionId sessionId, MemberId guardian, int children, String packageName, Money price,
                               Money deposit, PaymentMethod paymentMethod, PurchaseId depositPurchase, StaffId by,
                               Instant at) {
}
