package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;

import java.time.Instant;

/**
 * Book a room for a birthday party: a package ({@code title}) at {@code price}, {@code children} guests (at most the
 * room's capacity, looked up before dispatch), the guardian (a member of the centre) who pays; the {@code deposit}
 * is taken now as a desk sale on the guardian's account ({@code depositPurchase}), so it is refunded like any sale.
 */
public record BookPartyCommand(SessionId sessionId, CentreId centre, RoomId room, String roomName, int roomCapacity,
                               String title, Instant start, Instant end, MemberId guardian, int children, Money price,
                               Money deposit, PaymentMethod paymentMethod, PurchaseId depositPurchase, StaffId by,
                               Instant at) implements CentreScoped {
}
