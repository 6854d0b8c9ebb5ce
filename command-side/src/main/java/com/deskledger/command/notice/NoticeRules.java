package com.deskledger.command.notice;

import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.notice.NoticeKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that says which event calls for which notices. The timetable's events (a booking confirmed, a
 * promotion from the waitlist, a session moved or cancelled, a check-out) are mapped here onto the kinds that
 * {@link NoticeKind} already names; reminders and expiry come from the clock, not from an event (see the scans).
 */
@Component
public class NoticeRules {

    private final int creditsLowThreshold;

    public NoticeRules(@Value("${deskledger.notices.credits-low-threshold:2}") int creditsLowThreshold) {
        if (creditsLowThreshold < 0) {
            throw new IllegalArgumentException("deskledger.notices.credits-low-threshold must be 0 or more");
        }
        this.creditsLowThreshold = creditsLowThreshold;
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
        }
        return drafts;
    }

    /**
     * A credit was taken and the pack it came from is down to the threshold or below: told at each such credit
     * (2 left, 1 left, none left with the default threshold), never when no credit was taken.
     */
    private java.util.Optional<NoticeDraft> creditsLow(MemberId member, boolean consumed, Integer creditsLeft) {
        if (!consumed || creditsLeft == null || creditsLeft > creditsLowThreshold) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NoticeDraft(NoticeKind.CREDITS_LOW, member,
                Map.of("creditsLeft", Integer.toString(creditsLeft))));
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
