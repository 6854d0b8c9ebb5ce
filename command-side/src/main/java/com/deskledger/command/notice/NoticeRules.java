package com.deskledger.command.notice;

import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.notice.NoticeKind;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.session.event.BookingCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCheckInRecordedEvent;
import com.deskledger.kernel.timetable.session.event.WaitlistPromotedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that says which event calls for which notices: a check-in (the member's account's, or a credit-free
 * session's), credits running low, a booking confirmed, a promotion from the waitlist, a session cancelled (per
 * booked or waiting member). Reminders and expiry come from the clock, not from an event (see the scans); a moved
 * session and a check-out have kinds but no event to name their members yet.
 */
@Component
public class NoticeRules {

    /** The reason a booking carries when its whole session was cancelled (see the timetable's ClassSession). */
    static final String SESSION_CANCELLED = "SESSION_CANCELLED";

    private final int creditsLowThreshold;
    private final List<Duration> classReminders;

    public NoticeRules(@Value("${deskledger.notices.credits-low-threshold:2}") int creditsLowThreshold,
                       @Value("${deskledger.notices.class-reminders:PT24H,PT2H}") List<Duration> classReminders) {
        if (creditsLowThreshold < 0) {
            throw new IllegalArgumentException("deskledger.notices.credits-low-threshold must be 0 or more");
        }
        if (classReminders.stream().anyMatch(before -> before.isNegative() || before.isZero())) {
            throw new IllegalArgumentException("deskledger.notices.class-reminders must be positive durations");
        }
        this.creditsLowThreshold = creditsLowThreshold;
        this.classReminders = List.copyOf(classReminders);
    }

    /** How long before a booked session its reminders go out (the timetable's reminder scan writes them). */
    public List<Duration> classReminders() {
        return classReminders;
    }

    /**
     * The reminder {@code before} a session starting at {@code start}, for a scan of the timetable to hand to
     * {@link NoticeOutbox#write} with {@link #clockKey}{@code (sessionId + "/" + before, start, CLASS_REMINDER)}.
     */
    public NoticeDraft classReminder(MemberId member, String sessionId, Instant start, Duration before) {
        return new NoticeDraft(NoticeKind.CLASS_REMINDER, member, Map.of("sessionId", sessionId,
                "scheduledStart", start.toString(), "before", before.toString()));
    }

    /**
     * The idempotency key of a notice the clock causes (no event to name): what it is about and the instant it is
     * about, so that every node may scan and the notice is written once per instant (a moved instant is told again).
     */
    public static String clockKey(String subject, Instant instant, NoticeKind kind) {
        return subject + "@" + instant + ":" + kind.name();
    }

    /** The notices the event calls for, none for most events. */
    public List<NoticeDraft> draftsFor(Object event) {
        List<NoticeDraft> drafts = new ArrayList<>();
        if (event instanceof ClassCheckedInEvent checkIn) {
            Map<String, String> params = session(checkIn.session());
            params.put("checkedInAt", checkIn.at().toString());
            drafts.add(new NoticeDraft(NoticeKind.CHILD_CHECKED_IN, checkIn.memberId(), params));
            creditsLow(checkIn.memberId(), checkIn.creditConsumed(), checkIn.creditsLeft()).ifPresent(drafts::add);
        } else if (event instanceof LeaveRequestedEvent leave) {
            creditsLow(leave.memberId(), leave.creditConsumed(), leave.creditsLeft()).ifPresent(drafts::add);
        } else if (event instanceof NoShowRecordedEvent noShow) {
            creditsLow(noShow.memberId(), noShow.creditConsumed(), noShow.creditsLeft()).ifPresent(drafts::add);
        } else if (event instanceof SessionBookedEvent booked) {
            drafts.add(new NoticeDraft(NoticeKind.BOOKING_CONFIRMED, booked.member(),
                    timetable(booked.sessionId(), booked.start())));
        } else if (event instanceof WaitlistPromotedEvent promoted) {
            drafts.add(new NoticeDraft(NoticeKind.PROMOTED_FROM_WAITLIST, promoted.member(),
                    timetable(promoted.sessionId(), promoted.start())));
        } else if (event instanceof BookingCancelledEvent cancelled && SESSION_CANCELLED.equals(cancelled.reason())) {
            // the session's cancellation cancels each booking and waitlist place: one notice per member
            drafts.add(new NoticeDraft(NoticeKind.SESSION_CANCELLED, cancelled.member(), Map.of(
                    "sessionId", cancelled.sessionId().value(), "waiting", Boolean.toString(cancelled.waiting()))));
        } else if (event instanceof SessionCheckInRecordedEvent present && present.credits() == 0) {
            // a session that costs a credit makes the member's account record ClassCheckedInEvent, told above;
            // one that costs nothing (an open event) leaves the account alone, so it is told here
            Map<String, String> params = timetable(present.sessionId(), present.start());
            params.put("checkedInAt", present.at().toString());
            drafts.add(new NoticeDraft(NoticeKind.CHILD_CHECKED_IN, present.member(), params));
        }
        return drafts;
    }

    /**
     * A credit was taken and the pack it came from is down to the threshold or below: told at each such credit
     * (2 left, 1 left, none left with the default threshold), never when no credit was taken.
     */
    private Optional<NoticeDraft> creditsLow(MemberId member, boolean consumed, Integer creditsLeft) {
        if (!consumed || creditsLeft == null || creditsLeft > creditsLowThreshold) {
            return Optional.empty();
        }
        return Optional.of(new NoticeDraft(NoticeKind.CREDITS_LOW, member,
                Map.of("creditsLeft", Integer.toString(creditsLeft))));
    }

    private static Map<String, String> timetable(SessionId session, Instant start) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sessionId", session.value());
        params.put("scheduledStart", start.toString());
        return params;
    }

    private static Map<String, String> session(ClassSession session) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("classCode", session.classCode());
        params.put("scheduledStart", session.scheduledStart().toString());
        if (session.room() != null) {
            params.put("room", session.room());
        }
        return params;
    }
}
