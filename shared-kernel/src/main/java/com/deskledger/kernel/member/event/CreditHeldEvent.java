package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Credits of the member's are held for a booked session; {@code coveredBy} names the time membership covering it
 * (then {@code credits} is 0), else null.
 */
@Revision("1")
public record CreditHeldEvent(MemberId memberId, SessionId session, Instant sessionStart, int credits,
                              PurchaseId coveredBy, StaffId by, Instant at) {
}
