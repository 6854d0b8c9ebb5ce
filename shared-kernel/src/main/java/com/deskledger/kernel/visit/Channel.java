package com.deskledger.kernel.visit;

/** How the visitor reached the desk. */
public enum Channel {
    WALK_IN, CALL_IN, MEMBER, PARTNER;

    public boolean isCall() {
        return this == CALL_IN;
    }
}
