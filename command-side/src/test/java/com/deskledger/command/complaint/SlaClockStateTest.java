package com.deskledger.command.complaint;

import com.deskledger.kernel.BusinessHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pausing and resuming a clock counts only the business time it ran. 2027-03-02 is a Tuesday. */
class SlaClockStateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessHours WEEKDAYS = BusinessHours.parse(SHANGHAI, Map.of(
            DayOfWeek.MONDAY, "09:00-18:00", DayOfWeek.TUESDAY, "09:00-18:00", DayOfWeek.WEDNESDAY, "09:00-18:00",
            DayOfWeek.THURSDAY, "09:00-18:00", DayOfWeek.FRIDAY, "09:00-18:00"));
    private static final BusinessHours ALWAYS = BusinessHours.aroundTheClock(SHANGHAI);

    @Test
    void countsOnlyOpenTimeWhileRunning() {
        SlaClockState clock = SlaClockState.started(Duration.ofHours(8), at("2027-03-02T17:00"), null);
        assertThat(clock.usedSecondsAt(at("2027-03-03T10:00"), WEEKDAYS)).isEqualTo(2 * 3600);
        assertThat(clock.remainingAt(at("2027-03-03T10:00"), WEEKDAYS)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aPausedClockKeepsWhatItUsedHoweverLongThePause() {
        Instant start = at("2027-03-02T09:00");
        SlaClockState paused = SlaClockState.started(Duration.ofHours(8), start, null)
                .paused(SlaClockState.started(Duration.ofHours(8), start, null)
                        .usedSecondsAt(at("2027-03-02T12:00"), WEEKDAYS));
        assertThat(paused.running()).isFalse();
        assertThat(paused.usedSecondsAt(at("2027-03-20T12:00"), WEEKDAYS)).isEqualTo(3 * 3600);
        assertThat(paused.remainingAt(at("2027-03-20T12:00"), WEEKDAYS)).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void resumesWithTheTimeLeftAcrossTheWeekend() {
        SlaClockState paused = SlaClockState.started(Duration.ofHours(8), at("2027-03-02T09:00"), null)
                .paused(3 * 3600);
        Instant fridayFourPm = at("2027-03-05T16:00");
        Instant due = paused.dueIfRunningFrom(fridayFourPm, WEEKDAYS);
        assertThat(due).isEqualTo(at("2027-03-08T12:00"));
        SlaClockState resumed = paused.resumed(fridayFourPm, due);
        assertThat(resumed.isDue(due)).isTrue();
        assertThat(resumed.usedSecondsAt(at("2027-03-08T09:00"), WEEKDAYS)).isEqualTo(5 * 3600);
    }

    @Test
    void pausesAndResumesSeveralTimesOnAClockThatNeverCloses() {
        SlaClockState clock = SlaClockState.started(Duration.ofHours(10), at("2027-03-02T00:00"), null);
        clock = clock.paused(clock.usedSecondsAt(at("2027-03-02T02:00"), ALWAYS));
        clock = clock.resumed(at("2027-03-03T00:00"), null);
        clock = clock.paused(clock.usedSecondsAt(at("2027-03-03T03:00"), ALWAYS));
        assertThat(clock.usedSeconds()).isEqualTo(5 * 3600);
        assertThat(clock.dueIfRunningFrom(at("2027-03-04T00:00"), ALWAYS)).isEqualTo(at("2027-03-04T05:00"));
    }

    @Test
    void hasNoTimeLeftOnceTheTargetIsUsedUp() {
        SlaClockState clock = SlaClockState.started(Duration.ofHours(1), at("2027-03-02T09:00"), null);
        assertThat(clock.remainingAt(at("2027-03-02T15:00"), WEEKDAYS)).isZero();
        assertThat(clock.paused(6 * 3600).dueIfRunningFrom(at("2027-03-02T15:00"), WEEKDAYS))
                .isEqualTo(at("2027-03-02T15:00"));
    }

    @Test
    void isDueOnlyForItsCurrentDeadlineWhileRunningAndUnbreached() {
        Instant due = at("2027-03-02T13:00");
        SlaClockState clock = SlaClockState.started(Duration.ofHours(4), at("2027-03-02T09:00"), due);
        assertThat(clock.isDue(due)).isTrue();
        assertThat(clock.isDue(due.plusSeconds(1))).isFalse();
        assertThat(clock.paused(3600).isDue(due)).isFalse();
        assertThat(clock.stoppedAt(3600).isDue(due)).isFalse();
        assertThat(clock.breach().isDue(due)).isFalse();
        assertThat(clock.retargeted(Duration.ofHours(1), at("2027-03-02T10:00")).isDue(due)).isFalse();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
