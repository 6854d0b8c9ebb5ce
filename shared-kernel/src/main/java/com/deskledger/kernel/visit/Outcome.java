package com.deskledger.kernel.visit;

/** How a visit ended. */
public enum Outcome {
    ENROLLED, FOLLOW_UP_NEEDED, RESOLVED, NO_INTEREST
}
