package com.deskledger.kernel;

import java.time.Duration;

/**
 * The time windows of every aggregate, in one place (README, "Instants within sense"):
 * <ul>
 *   <li>{@code visitArrival}: a visit or call arrived at most a day ago and not in the future;</li>
 *   <li>{@code complaintReceived}: a complaint reached the desk at most 30 days ago and not in the future
 *       ({@link ErrorCode#RECEIVED_IN_FUTURE});</li>
 *   <li>{@code classSession}: a class session (check-in, leave, no-show, head-count) started at most
 *       {@link #ATTENDANCE_WINDOW} ago ({@link ErrorCode#ATTENDANCE_WINDOW_CLOSED}, the member aggregate's own rule)
 *       and at most a year ahead;</li>
 *   <li>{@code shiftPlanning}: a shift's day at most 90 days back and a year ahead (a clock time given for it: no
 *       further back, see {@link TimeWindow#checkPast});</li>
 *   <li>{@code packageValidity}: a membership's first and last day within ten years of today.</li>
 * </ul>
 * All but the attendance window's past are configurable ({@code deskledger.time-windows.*}).
 */
public record TimeWindows(TimeWindow visitArrival, TimeWindow complaintReceived, TimeWindow classSession,
                          TimeWindow shiftPlanning, TimeWindow packageValidity) {

    /**
     * Attendance is recorded up to 30 days after a class starts. Not configurable: a member aggregate forgets the
     * sessions older than this (so its snapshots stay small) and relies on no older one coming back.
     */
    public static final Duration ATTENDANCE_WINDOW = Duration.ofDays(30);

    public static TimeWindows defaults() {
        return of(Duration.ofDays(1), Duration.ZERO, Duration.ofDays(30), Duration.ofDays(366), Duration.ofDays(90),
                Duration.ofDays(366), Duration.ofDays(3653));
    }

    /** The windows from their configurable bounds. */
    public static TimeWindows of(Duration visitBack, Duration visitAhead, Duration complaintBack,
                                 Duration classAhead, Duration shiftBack, Duration shiftAhead,
                                 Duration packageValidity) {
        return new TimeWindows(
                new TimeWindow(visitBack, visitAhead, ErrorCode.TIME_OUT_OF_RANGE, ErrorCode.TIME_OUT_OF_RANGE),
                new TimeWindow(complaintBack, Duration.ZERO, ErrorCode.TIME_OUT_OF_RANGE,
                        ErrorCode.RECEIVED_IN_FUTURE),
                new TimeWindow(ATTENDANCE_WINDOW, classAhead, ErrorCode.ATTENDANCE_WINDOW_CLOSED,
                        ErrorCode.TIME_OUT_OF_RANGE),
                new TimeWindow(shiftBack, shiftAhead, ErrorCode.TIME_OUT_OF_RANGE, ErrorCode.TIME_OUT_OF_RANGE),
                new TimeWindow(packageValidity, packageValidity, ErrorCode.TIME_OUT_OF_RANGE,
                        ErrorCode.TIME_OUT_OF_RANGE));
    }
}
