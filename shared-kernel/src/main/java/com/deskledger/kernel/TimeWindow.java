package com.deskledger.kernel;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where an instant (or a date) given by the desk must lie around now: at most {@code back} before it and at most
 * {@code ahead} after it. Outside, the request is refused with {@code tooEarly} or {@code tooLate}, naming the field.
 * One rule, one code, wherever the same kind of time comes in (see {@link TimeWindows}).
 */
public record TimeWindow(Duration back, Duration ahead, ErrorCode tooEarly, ErrorCode tooLate) {

    public TimeWindow {
        if (back == null || ahead == null || back.isNegative() || ahead.isNegative()) {
            throw new IllegalArgumentException("a time window needs a non-negative back and ahead");
        }
    }

    /** The instant itself when it lies in the window around {@code now}. */
    public Instant check(Instant value, Instant now, String field) {
        if (value.isBefore(now.minus(back))) {
            throw new DomainException(tooEarly, "lies more than " + describe(back) + " in the past", field);
        }
        if (value.isAfter(now.plus(ahead))) {
            throw new DomainException(tooLate, ahead.isZero() ? "lies in the future"
                    : "lies more than " + describe(ahead) + " ahead", field);
        }
        return value;
    }

    /**
     * The instant itself when it is not further back than the window reaches; how far ahead it may be is left to a
     * rule of the aggregate's own (a clock time is never in the future).
     */
    public Instant checkPast(Instant value, Instant now, String field) {
        if (value.isBefore(now.minus(back))) {
            throw new DomainException(tooEarly, "lies more than " + describe(back) + " in the past", field);
        }
        return value;
    }

    /** The date itself when it lies in the window around {@code today} (whole days of back and ahead). */
    public LocalDate check(LocalDate value, LocalDate today, String field) {
        try {
            if (value.isBefore(today.minusDays(back.toDays()))) {
                throw new DomainException(tooEarly, "lies more than " + describe(back) + " in the past", field);
            }
            if (value.isAfter(today.plusDays(ahead.toDays()))) {
                throw new DomainException(tooLate, "lies more than " + describe(ahead) + " ahead", field);
            }
        } catch (DateTimeException outsideTheCalendar) {
            throw new DomainException(tooLate, "lies outside the calendar", field);
        }
        return value;
    }

    private static String describe(Duration duration) {
        return duration.toDays() >= 1 ? duration.toDays() + " days" : duration.toMinutes() + " minutes";
    }
}
