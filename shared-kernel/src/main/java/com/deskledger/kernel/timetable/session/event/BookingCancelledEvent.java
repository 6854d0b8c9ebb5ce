package com.deskledger.kernel.timetable.session.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member's booking ({@code waiting} false) or place on the waitlist ({@code waiting} true) was cancelled;
 * {@code reason} is {@code CANCELLED}, {@code NO_CREDITS} or {@code SESSION_CANCELLED}.
 */
@Revision("1")
public record BookingCancelledEvent(SessionId sessionId, MemberId member, boolean waiting, String reason,
                                    StaffId by, Instant at) {
}
