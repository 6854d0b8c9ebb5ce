package com.deskledger.kernel.complaint;

/** Who is responsible for a complaint: its handler, a supervisor, or a manager (the top). */
public enum EscalationLevel {
    HANDLER, SUPERVISOR, MANAGER;

    /** The level above this one; the manager's level has none. */
    public EscalationLevel next() {
        if (this == MANAGER) {
            throw new IllegalStateException("the manager's level is the top");
        }
        return values()[ordinal() + 1];
    }

    public boolean isTop() {
        return this == MANAGER;
    }
}
