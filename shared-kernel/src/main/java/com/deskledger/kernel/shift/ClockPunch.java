package com.deskledger.kernel.shift;

/** Which clock time of a shift: the clock-in or the clock-out. */
public enum ClockPunch {
    IN,
    OUT
}
