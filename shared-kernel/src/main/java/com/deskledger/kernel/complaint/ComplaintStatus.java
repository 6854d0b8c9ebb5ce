package com.deskledger.kernel.complaint;

/** Where a complaint stands. */
public enum ComplaintStatus {
    /** Filed; nobody has responded yet. */
    OPEN,
    /** Being handled (also after the customer was not satisfied and it was reopened). */
    IN_PROGRESS,
    /** Waiting on the customer; the SLA clock is paused. */
    WAITING_ON_CUSTOMER,
    /** A resolution waits for a supervisor's or manager's approval before the customer may be told. */
    AWAITING_APPROVAL,
    /** The customer was told the resolution; their answer is awaited. */
    RESOLVED,
    /** The customer was satisfied. */
    CLOSED,
    /** The customer withdrew the complaint. */
    WITHDRAWN;

    /** Closed and withdrawn complaints take no more handling. */
    public boolean isFinished() {
        return this == CLOSED || this == WITHDRAWN;
    }
}
