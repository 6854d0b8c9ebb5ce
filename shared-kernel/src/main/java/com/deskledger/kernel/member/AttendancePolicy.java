package com.deskledger.kernel.member;

import java.time.Duration;

/**
 * A centre's credit policy for absences: a leave asked less than {@code lateLeaveWindow} before the start is
 * late; late leaves and no-shows consume a credit when their flag says so. A leave in time never does.
 */
public record AttendancePolicy(Duration lateLeaveWindow, boolean lateLeaveConsumesCredit,
                               boolean noShowConsumesCredit) {

    public AttendancePolicy {
        if (lateLeaveWindow == null || lateLeaveWindow.isNegative()) {
            throw new IllegalArgumentException("late-leave window must be zero or more");
        }
    }
}
