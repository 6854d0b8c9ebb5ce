package com.deskledger.command.notice;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.MemberFrozenEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.notice.NoticeKind;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.session.event.BookingCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCheckInRecordedEvent;
import com.deskledger.kernel.timetable.session.event.WaitlistPromotedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which event calls for which notices, with which values (never a personal one). */
class NoticeRulesTest {

    private static final MemberId MEMBER = MemberId.of("3f7c2a10-0000-4000-8000-0000000000e1");
    private static final PurchaseId PACK = PurchaseId.of("00000000-0000-4000-8000-0000000000e2");
    private static final StaffId DESK = StaffId.of("reception");
    private static final Instant START = Instant.parse("2026-03-09T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-03-09T09:55:00Z");
    private static final ClassSession SESSION = new ClassSession("phonics-a1", START, "room 2");

    private final NoticeRules rules = new NoticeRules(2, List.of(Duration.ofHours(24), Duration.ofHours(2)));

    @Test
    void aCheckInTellsTheGuardianWhichClassAndWhen() {
        List<NoticeDraft> drafts = rules.draftsFor(checkIn(true, 5));
        assertThat(drafts).containsExactly(new NoticeDraft(NoticeKind.CHILD_CHECKED_IN, MEMBER, Map.of(
                "classCode", "phonics-a1", "scheduledStart", START.toString(), "room", "room 2",
                "checkedInAt", AT.toString())));
    }

    @Test
    void aCheckInWithoutRoomLeavesTheRoomOut() {
        ClassSession noRoom = new ClassSession("phonics-a1", START, null);
        assertThat(rules.draftsFor(new ClassCheckedInEvent(MEMBER, noRoom, null, false, null, DESK, AT)))
                .singleElement().satisfies(d -> assertThat(d.params()).doesNotContainKey("room"));
    }

    @Test
    void creditsRunningLowAtTheThresholdAndBelow() {
        assertThat(kinds(rules.draftsFor(checkIn(true, 3)))).containsExactly(NoticeKind.CHILD_CHECKED_IN);
        assertThat(rules.draftsFor(checkIn(true, 2))).contains(
                new NoticeDraft(NoticeKind.CREDITS_LOW, MEMBER, Map.of("creditsLeft", "2")));
        assertThat(rules.draftsFor(checkIn(true, 0))).contains(
                new NoticeDraft(NoticeKind.CREDITS_LOW, MEMBER, Map.of("creditsLeft", "0")));
    }

    @Test
    void noCreditsNoticeWhenNoCreditWasTaken() {
        assertThat(kinds(rules.draftsFor(checkIn(false, 1)))).containsExactly(NoticeKind.CHILD_CHECKED_IN);
        assertThat(kinds(rules.draftsFor(new ClassCheckedInEvent(MEMBER, SESSION, PACK, false, null, DESK, AT))))
                .containsExactly(NoticeKind.CHILD_CHECKED_IN);
        assertThat(rules.draftsFor(new LeaveRequestedEvent(MEMBER, SESSION, false, false, null, 1, null, DESK, AT)))
                .isEmpty();
    }

    @Test
    void aChargedLateLeaveOrNoShowCanRunCreditsLow() {
        assertThat(rules.draftsFor(new LeaveRequestedEvent(MEMBER, SESSION, true, true, PACK, 1, null, DESK, AT)))
                .containsExactly(new NoticeDraft(NoticeKind.CREDITS_LOW, MEMBER, Map.of("creditsLeft", "1")));
        assertThat(rules.draftsFor(new NoShowRecordedEvent(MEMBER, SESSION, true, PACK, 2, DESK, AT)))
                .containsExactly(new NoticeDraft(NoticeKind.CREDITS_LOW, MEMBER, Map.of("creditsLeft", "2")));
        assertThat(rules.draftsFor(new NoShowRecordedEvent(MEMBER, SESSION, true, PACK, 3, DESK, AT))).isEmpty();
    }

    @Test
    void theThresholdIsConfigurable() {
        assertThat(kinds(new NoticeRules(0, List.of()).draftsFor(checkIn(true, 1))))
                .containsExactly(NoticeKind.CHILD_CHECKED_IN);
        assertThat(kinds(new NoticeRules(5, List.of()).draftsFor(checkIn(true, 5))))
                .containsExactly(NoticeKind.CHILD_CHECKED_IN, NoticeKind.CREDITS_LOW);
        assertThatThrownBy(() -> new NoticeRules(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTimetableTellsBookingsPromotionsAndCancelledSessions() {
        SessionId session = SessionId.of("00000000-0000-4000-8000-0000000000f1");
        Map<String, String> atStart = Map.of("sessionId", session.value(), "scheduledStart", START.toString());
        assertThat(rules.draftsFor(new SessionBookedEvent(session, MEMBER, START, 1, DESK, AT)))
                .containsExactly(new NoticeDraft(NoticeKind.BOOKING_CONFIRMED, MEMBER, atStart));
        assertThat(rules.draftsFor(new WaitlistPromotedEvent(session, MEMBER, START, 1, DESK, AT)))
                .containsExactly(new NoticeDraft(NoticeKind.PROMOTED_FROM_WAITLIST, MEMBER, atStart));
        assertThat(rules.draftsFor(new BookingCancelledEvent(session, MEMBER, true, "SESSION_CANCELLED", DESK, AT)))
                .containsExactly(new NoticeDraft(NoticeKind.SESSION_CANCELLED, MEMBER,
                        Map.of("sessionId", session.value(), "waiting", "true")));
        // the member's own cancellation is not news to them
        assertThat(rules.draftsFor(new BookingCancelledEvent(session, MEMBER, false, "CANCELLED", DESK, AT)))
                .isEmpty();
    }

    @Test
    void aCheckInToACreditFreeSessionIsToldFromTheSessionItself() {
        SessionId session = SessionId.of("00000000-0000-4000-8000-0000000000f2");
        assertThat(rules.draftsFor(new SessionCheckInRecordedEvent(session, MEMBER, true, START, 0, DESK, AT)))
                .containsExactly(new NoticeDraft(NoticeKind.CHILD_CHECKED_IN, MEMBER, Map.of("sessionId",
                        session.value(), "scheduledStart", START.toString(), "checkedInAt", AT.toString())));
        // one that costs a credit is told from the member's ClassCheckedInEvent: not twice
        assertThat(rules.draftsFor(new SessionCheckInRecordedEvent(session, MEMBER, false, START, 1, DESK, AT)))
                .isEmpty();
    }

    @Test
    void otherEventsCallForNoNotice() {
        assertThat(rules.draftsFor(new MemberFrozenEvent(MEMBER, Sealed.of("x"), DESK, AT))).isEmpty();
        assertThat(rules.draftsFor("not an event")).isEmpty();
    }

    @Test
    void classRemindersAreConfiguredAndKeyedByTheirInstant() {
        assertThat(rules.classReminders()).containsExactly(Duration.ofHours(24), Duration.ofHours(2));
        assertThat(rules.classReminder(MEMBER, "session-1", START, Duration.ofHours(2))).isEqualTo(new NoticeDraft(
                NoticeKind.CLASS_REMINDER, MEMBER, Map.of("sessionId", "session-1", "scheduledStart",
                START.toString(), "before", "PT2H")));
        assertThat(NoticeRules.clockKey("session-1/PT2H", START, NoticeKind.CLASS_REMINDER))
                .isEqualTo("session-1/PT2H@2026-03-09T10:00:00Z:CLASS_REMINDER");
        assertThatThrownBy(() -> new NoticeRules(2, List.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeRules(2, List.of(Duration.ofHours(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void templateKeysFollowTheKind() {
        assertThat(NoticeKind.CHILD_CHECKED_IN.template()).isEqualTo("notice.child-checked-in");
        assertThat(NoticeKind.PROMOTED_FROM_WAITLIST.template()).isEqualTo("notice.promoted-from-waitlist");
    }

    private static ClassCheckedInEvent checkIn(boolean consumed, int creditsLeft) {
        return new ClassCheckedInEvent(MEMBER, SESSION, PACK, consumed, creditsLeft, DESK, AT);
    }

    private static List<NoticeKind> kinds(List<NoticeDraft> drafts) {
        return drafts.stream().map(NoticeDraft::kind).toList();
    }
}
