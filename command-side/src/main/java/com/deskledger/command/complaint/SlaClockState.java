package com.deskledger.command.complaint;

import com.deskledger.kernel.BusinessHours;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock of a complaint: its target in business time, the business seconds used while it was paused or
 * stopped, since when it runs (null while paused or stopped), when it is due (null when not running or already
 * breached), whether its goal was reached and whether its target passed.
 */
record SlaClockState(Duration target, long usedSeconds, Instant runningSince, Instant dueAt, boolean stopped,
                     boolean breached) {

    static SlaClockState started(Duration target, Instant at, Instant dueAt) {
        return new SlaClockState(target, 0, at, dueAt, false, false);
    }

    boolean running() {
        return runningSince != null;
    }

    /** Business seconds used up to {@code at}, counting the running stretch in the centre's opening hours. */
    long usedSecondsAt(Instant at, BusinessHours hours) {
        return running() ? usedSeconds + hours.between(runningSince, at).getSeconds() : usedSeconds;
    }

    /** Business time left at {@code at}; zero once the target is used up. */
    Duration remainingAt(Instant at, BusinessHours hours) {
        Duration left = target.minusSeconds(usedSecondsAt(at, hours));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** When the target passes if the clock runs from {@code at} on. */
    Instant dueIfRunningFrom(Instant at, BusinessHours hours) {
        return hours.plus(at, remainingAt(at, hours));
    }

    /** Whether a deadline scheduled for {@code scheduledDueAt} is still this clock's current one. */
    boolean isDue(Instant scheduledDueAt) {
        return running() && !stopped && !breached && scheduledDueAt.equals(dueAt);
    }

    SlaClockState paused(long used) {
        return new SlaClockState(target, used, null, null, stopped, breached);
    }

    SlaClockState resumed(Instant at, Instant due) {
        return new SlaClockState(target, usedSeconds, at, due, stopped, breached);
    }

    SlaClockState stoppedAt(long used) {
        return new SlaClockState(target, used, null, null, true, breached);
    }

    SlaClockState breach() {
        return new SlaClockState(target, usedSeconds, runningSince, null, stopped, true);
    }

    SlaClockState retargeted(Duration newTarget, Instant due) {
        return new SlaClockState(newTarget, usedSeconds, runningSince, due, stopped, breached);
    }
}
