package com.deskledger.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each window's bounds: on the bound is in, a nanosecond (or a day) past it is out, with the window's code. */
class TimeWindowsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final TimeWindows WINDOWS = TimeWindows.defaults();

    @Test
    void aVisitArrivesWithinADayAndNotInTheFuture() {
        TimeWindow visit = WINDOWS.visitArrival();
        assertThat(visit.check(NOW, NOW, "arrivedAt")).isEqualTo(NOW);
        assertThat(visit.check(NOW.minus(Duration.ofDays(1)), NOW, "arrivedAt")).isNotNull();
        refused(() -> visit.check(NOW.minus(Duration.ofDays(1)).minusNanos(1), NOW, "arrivedAt"),
                ErrorCode.TIME_OUT_OF_RANGE, "arrivedAt");
        refused(() -> visit.check(NOW.plusNanos(1), NOW, "arrivedAt"), ErrorCode.TIME_OUT_OF_RANGE, "arrivedAt");
        refused(() -> visit.check(Instant.parse("0001-01-01T00:00:00Z"), NOW, "arrivedAt"),
                ErrorCode.TIME_OUT_OF_RANGE, "arrivedAt");
        refused(() -> visit.check(Instant.MAX, NOW, "arrivedAt"), ErrorCode.TIME_OUT_OF_RANGE, "arrivedAt");
    }

    @Test
    void aComplaintIsReceivedWithinThirtyDaysAndNeverInTheFuture() {
        TimeWindow complaint = WINDOWS.complaintReceived();
        assertThat(complaint.check(NOW.minus(Duration.ofDays(30)), NOW, "receivedAt")).isNotNull();
        refused(() -> complaint.check(NOW.minus(Duration.ofDays(30)).minusNanos(1), NOW, "receivedAt"),
                ErrorCode.TIME_OUT_OF_RANGE, "receivedAt");
        refused(() -> complaint.check(NOW.plusNanos(1), NOW, "receivedAt"), ErrorCode.RECEIVED_IN_FUTURE,
                "receivedAt");
    }

    @Test
    void aClassSessionLiesWithinTheAttendanceWindowAndAYearAhead() {
        TimeWindow session = WINDOWS.classSession();
        assertThat(session.back()).isEqualTo(TimeWindows.ATTENDANCE_WINDOW);
        assertThat(session.check(NOW.plus(Duration.ofDays(366)), NOW, "scheduledStart")).isNotNull();
        assertThat(session.check(NOW.minus(Duration.ofDays(30)), NOW, "scheduledStart")).isNotNull();
        refused(() -> session.check(NOW.plus(Duration.ofDays(366)).plusNanos(1), NOW, "scheduledStart"),
                ErrorCode.TIME_OUT_OF_RANGE, "scheduledStart");
        refused(() -> session.check(NOW.minus(Duration.ofDays(30)).minusNanos(1), NOW, "scheduledStart"),
                ErrorCode.ATTENDANCE_WINDOW_CLOSED, "scheduledStart");
    }

    @Test
    void shiftsArePlannedNinetyDaysBackAndAYearAhead() {
        TimeWindow shifts = WINDOWS.shiftPlanning();
        assertThat(shifts.check(TODAY.minusDays(90), TODAY, "date")).isEqualTo(TODAY.minusDays(90));
        assertThat(shifts.check(TODAY.plusDays(366), TODAY, "date")).isEqualTo(TODAY.plusDays(366));
        refused(() -> shifts.check(TODAY.minusDays(91), TODAY, "date"), ErrorCode.TIME_OUT_OF_RANGE, "date");
        refused(() -> shifts.check(TODAY.plusDays(367), TODAY, "date"), ErrorCode.TIME_OUT_OF_RANGE, "date");
        refused(() -> shifts.check(LocalDate.MIN, TODAY, "date"), ErrorCode.TIME_OUT_OF_RANGE, "date");
        refused(() -> shifts.check(NOW.plus(Duration.ofDays(367)), NOW, "at"), ErrorCode.TIME_OUT_OF_RANGE, "at");
        // clock times: only the past is the window's; the future is the shift's own rule
        assertThat(shifts.checkPast(NOW.plus(Duration.ofDays(9999)), NOW, "at")).isNotNull();
        refused(() -> shifts.checkPast(NOW.minus(Duration.ofDays(91)), NOW, "at"), ErrorCode.TIME_OUT_OF_RANGE, "at");
    }

    @Test
    void aMembershipIsValidWithinTenYears() {
        TimeWindow validity = WINDOWS.packageValidity();
        assertThat(validity.check(TODAY.plusYears(10), TODAY, "validUntil")).isNotNull();
        refused(() -> validity.check(LocalDate.parse("9999-12-31"), TODAY, "validUntil"),
                ErrorCode.TIME_OUT_OF_RANGE, "validUntil");
        refused(() -> validity.check(LocalDate.parse("0001-01-01"), TODAY, "validFrom"),
                ErrorCode.TIME_OUT_OF_RANGE, "validFrom");
    }

    @Test
    void configuredBoundsReplaceTheDefaults() {
        TimeWindows wider = TimeWindows.of(Duration.ofDays(3), Duration.ofMinutes(5), Duration.ofDays(1),
                Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(10));
        assertThat(wider.visitArrival().check(NOW.plus(Duration.ofMinutes(5)), NOW, "arrivedAt")).isNotNull();
        refused(() -> wider.complaintReceived().check(NOW.minus(Duration.ofDays(2)), NOW, "receivedAt"),
                ErrorCode.TIME_OUT_OF_RANGE, "receivedAt");
        refused(() -> wider.classSession().check(NOW.plus(Duration.ofDays(8)), NOW, "scheduledStart"),
                ErrorCode.TIME_OUT_OF_RANGE, "scheduledStart");
        assertThatThrownBy(() -> new TimeWindow(Duration.ofDays(-1), Duration.ZERO, ErrorCode.TIME_OUT_OF_RANGE,
                ErrorCode.TIME_OUT_OF_RANGE)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void refused(Runnable check, ErrorCode code, String field) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
