package com.deskledger.kernel.notice;

/**
 * What a notice tells the guardian; also the template key the gateway (SMS, WeChat) renders it with. The kinds of
 * the timetable (bookings, waitlists, reminders, moved or cancelled sessions, check-out) are named here already, so
 * the classes work only maps its events onto them.
 */
public enum NoticeKind {
    CHILD_CHECKED_IN,
    CHILD_CHECKED_OUT,
    CREDITS_LOW,
    PACKAGE_EXPIRING,
    BOOKING_CONFIRMED,
    PROMOTED_FROM_WAITLIST,
    CLASS_REMINDER,
    SESSION_MOVED,
    SESSION_CANCELLED;

    /** The template key a gateway renders the notice with, e.g. {@code notice.child-checked-in}. */
    public String template() {
        return "notice." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
