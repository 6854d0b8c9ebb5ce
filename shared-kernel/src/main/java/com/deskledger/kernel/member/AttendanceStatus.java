package com.deskledger.kernel.member;

/** How a member's place in one class session was settled. */
public enum AttendanceStatus {
    CHECKED_IN,
    /** Leave asked in time: costs nothing. */
    ON_LEAVE,
    /** Leave asked inside the centre's late-leave window: follows the centre's credit policy. */
    LATE_LEAVE,
    /** Neither came nor asked leave: follows the centre's credit policy. */
    NO_SHOW
}
