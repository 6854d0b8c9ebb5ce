package com.deskledger.kernel.complaint;

/** How a complaint stands against its SLA: a breach is never forgotten; a paused clock is not running. */
public enum SlaState {
    ON_TRACK, PAUSED, BREACHED
}
