package com.deskledger.kernel;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Business time in opening hours. 2026-03-02 is a Monday; the children's centre of manual 000 is closed on Mondays
 * and open 09:00-21:00 the other days.
 */
class BusinessHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessHours CENTRE = BusinessHours.parse(SHANGHAI, week(
            "closed", "09:00-21:00", "09:00-21:00", "09:00-21:00", "09:00-21:00", "09:00-21:00", "09:00-21:00"));

    @Nested
    class Between {

        @Test
        void countsTimeInsideOneOpenDay() {
            assertThat(CENTRE.between(at("2026-03-03T10:00"), at("2026-03-03T12:30")))
                    .isEqualTo(Duration.ofMinutes(150));
        }

        @Test
        void ignoresTimeBeforeOpening() {
            assertThat(CENTRE.between(at("2026-03-03T07:00"), at("2026-03-03T10:00"))).isEqualTo(hours(1));
        }

        @Test
        void ignoresTheNight() {
            assertThat(CENTRE.between(at("2026-03-03T20:00"), at("2026-03-04T10:00"))).isEqualTo(hours(2));
        }

        @Test
        void ignoresAClosedDay() {
            assertThat(CENTRE.between(at("2026-03-01T20:00"), at("2026-03-03T10:00"))).isEqualTo(hours(2));
        }

        @Test
        void countsAWholeWeekAsSixOpenDays() {
            assertThat(CENTRE.between(at("2026-03-02T00:00"), at("2026-03-09T00:00"))).isEqualTo(hours(6 * 12));
        }

        @Test
        void isZeroWhileClosed() {
            assertThat(CENTRE.between(at("2026-03-02T10:00"), at("2026-03-02T18:00"))).isZero();
            assertThat(CENTRE.between(at("2026-03-03T21:00"), at("2026-03-04T09:00"))).isZero();
        }

        @Test
        void isZeroWhenTheEndIsNotAfterTheStart() {
            assertThat(CENTRE.between(at("2026-03-03T12:00"), at("2026-03-03T12:00"))).isZero();
            assertThat(CENTRE.between(at("2026-03-03T12:00"), at("2026-03-03T10:00"))).isZero();
        }

        @Test
        void keepsFractionsOfASecond() {
            Instant start = at("2026-03-03T10:00").plusNanos(250_000_000);
            assertThat(CENTRE.between(start, at("2026-03-03T10:00:01"))).isEqualTo(Duration.ofMillis(750));
        }

        @Test
        void countsAcrossMonths() {
            // March 2026 has 31 days, 5 of them Mondays: 26 open days of 12 hours
            assertThat(CENTRE.between(at("2026-03-01T00:00"), at("2026-04-01T00:00"))).isEqualTo(hours(26 * 12));
        }
    }

    @Nested
    class Plus {

        @Test
        void addsInsideOneOpenDay() {
            assertThat(CENTRE.plus(at("2026-03-03T10:00"), hours(2))).isEqualTo(at("2026-03-03T12:00"));
        }

        @Test
        void startsCountingAtOpeningWhenStartedWhileClosed() {
            assertThat(CENTRE.plus(at("2026-03-02T10:00"), hours(1))).isEqualTo(at("2026-03-03T10:00"));
            assertThat(CENTRE.plus(at("2026-03-03T06:30"), hours(1))).isEqualTo(at("2026-03-03T10:00"));
        }

        @Test
        void carriesOverTheNightAndAClosedDay() {
            assertThat(CENTRE.plus(at("2026-03-01T20:00"), hours(2))).isEqualTo(at("2026-03-03T10:00"));
        }

        @Test
        void endsAtClosingTimeWhenTheTimeRunsOutExactlyThen() {
            assertThat(CENTRE.plus(at("2026-03-03T19:00"), hours(2))).isEqualTo(at("2026-03-03T21:00"));
        }

        @Test
        void spansSeveralWeeks() {
            // 100 hours = 8 days of 12 hours and 4 hours more: Tue..Sun (6), Tue, Wed, then Thu 13:00
            assertThat(CENTRE.plus(at("2026-03-03T09:00"), hours(100))).isEqualTo(at("2026-03-12T13:00"));
        }

        @Test
        void addsNothingForZero() {
            Instant closed = at("2026-03-02T10:00");
            assertThat(CENTRE.plus(closed, Duration.ZERO)).isEqualTo(closed);
        }

        @Test
        void refusesNegativeTime() {
            assertThatThrownBy(() -> CENTRE.plus(at("2026-03-03T10:00"), Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Windows {

        private final BusinessHours lunchBreak = BusinessHours.parse(SHANGHAI,
                Map.of(DayOfWeek.TUESDAY, "13:00-18:00, 09:00-12:00"));

        @Test
        void skipsALunchBreak() {
            assertThat(lunchBreak.plus(at("2026-03-03T11:00"), hours(2))).isEqualTo(at("2026-03-03T14:00"));
            assertThat(lunchBreak.between(at("2026-03-03T11:00"), at("2026-03-03T14:00"))).isEqualTo(hours(2));
        }

        @Test
        void leavesOutDaysThatAreNotListed() {
            // Tuesday is the only open day: 8 hours a week
            assertThat(lunchBreak.between(at("2026-03-02T00:00"), at("2026-03-16T00:00"))).isEqualTo(hours(16));
            assertThat(lunchBreak.plus(at("2026-03-03T17:00"), hours(2))).isEqualTo(at("2026-03-10T10:00"));
        }

        @Test
        void runsAnOvernightWindowIntoTheNextDay() {
            BusinessHours nights = BusinessHours.parse(SHANGHAI, Map.of(DayOfWeek.FRIDAY, "20:00-02:00"));
            assertThat(nights.plus(at("2026-03-06T23:00"), hours(2))).isEqualTo(at("2026-03-07T01:00"));
            assertThat(nights.between(at("2026-03-06T19:00"), at("2026-03-07T03:00"))).isEqualTo(hours(6));
            // one hour left on Saturday morning, the other on next Friday evening
            assertThat(nights.plus(at("2026-03-07T01:00"), hours(2))).isEqualTo(at("2026-03-13T21:00"));
        }

        @Test
        void countsTimeOnceWhereAnOvernightWindowMeetsTheNextDaysWindow() {
            BusinessHours overlapping = BusinessHours.parse(SHANGHAI,
                    Map.of(DayOfWeek.MONDAY, "18:00-02:00", DayOfWeek.TUESDAY, "00:00-10:00"));
            assertThat(overlapping.between(at("2026-03-02T17:00"), at("2026-03-03T11:00"))).isEqualTo(hours(16));
            assertThat(overlapping.plus(at("2026-03-02T18:00"), hours(16))).isEqualTo(at("2026-03-03T10:00"));
        }

        @Test
        void acceptsMidnightAsTwentyFourHundred() {
            BusinessHours lateDesk = BusinessHours.parse(SHANGHAI, Map.of(DayOfWeek.TUESDAY, "18:00-24:00"));
            assertThat(lateDesk.plus(at("2026-03-03T23:00"), hours(1))).isEqualTo(at("2026-03-04T00:00"));
            assertThat(lateDesk.between(at("2026-03-03T00:00"), at("2026-03-05T00:00"))).isEqualTo(hours(6));
        }

        @Test
        void tellsWhetherItIsOpen() {
            assertThat(CENTRE.isOpenAt(at("2026-03-03T09:00"))).isTrue();
            assertThat(CENTRE.isOpenAt(at("2026-03-03T20:59:59"))).isTrue();
            assertThat(CENTRE.isOpenAt(at("2026-03-03T21:00"))).isFalse();
            assertThat(CENTRE.isOpenAt(at("2026-03-02T12:00"))).isFalse();
        }
    }

    @Nested
    class AroundTheClock {

        @Test
        void countsWallTime() {
            BusinessHours always = BusinessHours.aroundTheClock(SHANGHAI);
            assertThat(always.isAroundTheClock()).isTrue();
            assertThat(always.between(at("2026-03-02T10:00"), at("2026-03-09T10:30")))
                    .isEqualTo(hours(7 * 24).plusMinutes(30));
            assertThat(always.plus(at("2026-03-02T23:00"), Duration.ofSeconds(3))).isEqualTo(at("2026-03-02T23:00:03"));
        }

        @Test
        void isWhatNoOpeningHoursMean() {
            assertThat(BusinessHours.parse(SHANGHAI, Map.of())).isEqualTo(BusinessHours.aroundTheClock(SHANGHAI));
            assertThat(BusinessHours.parse(SHANGHAI, null)).isEqualTo(BusinessHours.aroundTheClock(SHANGHAI));
        }

        @Test
        void equalsEveryDayFromMidnightToMidnight() {
            BusinessHours allDays = BusinessHours.parse(SHANGHAI, week(BusinessHours.ALL_DAY, BusinessHours.ALL_DAY,
                    BusinessHours.ALL_DAY, BusinessHours.ALL_DAY, BusinessHours.ALL_DAY, BusinessHours.ALL_DAY,
                    BusinessHours.ALL_DAY));
            assertThat(allDays.isAroundTheClock()).isFalse();
            assertThat(allDays.between(at("2026-03-02T10:00"), at("2026-03-05T10:00"))).isEqualTo(hours(72));
            assertThat(allDays.plus(at("2026-03-02T10:00"), hours(50))).isEqualTo(at("2026-03-04T12:00"));
        }

        @Test
        void countsTheShortDayWhenClocksSpringForward() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            BusinessHours allDays = BusinessHours.parse(berlin, Map.of(DayOfWeek.SUNDAY, BusinessHours.ALL_DAY));
            Instant start = LocalDateTime.parse("2026-03-29T00:00").atZone(berlin).toInstant();
            Instant end = LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant();
            assertThat(allDays.between(start, end)).isEqualTo(hours(23));
        }
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5})
        void plusAndBetweenAgree(long seed) {
            Random random = new Random(seed);
            Instant base = at("2026-03-01T00:00");
            for (int i = 0; i < 200; i++) {
                Instant start = base.plusSeconds(random.nextInt(60 * 24 * 3600));
                Duration amount = Duration.ofSeconds(random.nextInt(200 * 3600));
                Instant end = CENTRE.plus(start, amount);
                assertThat(CENTRE.between(start, end)).as("from %s plus %s", start, amount).isEqualTo(amount);
                assertThat(CENTRE.plus(start, CENTRE.between(start, end))).isEqualTo(end);
            }
        }
    }

    @Nested
    class Parsing {

        @Test
        void refusesAWeekWithoutOpenTime() {
            assertThatThrownBy(() -> BusinessHours.parse(SHANGHAI, Map.of(DayOfWeek.MONDAY, "closed")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9-5", "09:00", "25:00-26:00", "09:00-21:00-22:00", "nine to five"})
        void refusesMalformedHours(String hours) {
            assertThatThrownBy(() -> BusinessHours.parse(SHANGHAI, Map.of(DayOfWeek.MONDAY, hours)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void readsClosedDaysAndSeveralWindows() {
            BusinessHours parsed = BusinessHours.parse(SHANGHAI,
                    Map.of(DayOfWeek.MONDAY, "CLOSED", DayOfWeek.TUESDAY, "09:00-12:00,13:00-24:00"));
            assertThat(parsed.week().get(DayOfWeek.MONDAY)).isEmpty();
            assertThat(parsed.week().get(DayOfWeek.TUESDAY)).extracting(Object::toString)
                    .containsExactly("09:00-12:00", "13:00-24:00");
            assertThat(parsed.week().get(DayOfWeek.SUNDAY)).isEmpty();
        }
    }

    private static Map<DayOfWeek, String> week(String... mondayToSunday) {
        Map<DayOfWeek, String> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, mondayToSunday[day.ordinal()]);
        }
        return new EnumMap<>(days);
    }

    private static Instant at(String localShanghai) {
        return LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
