package com.deskledger.kernel.complaint;

/** The two SLA clocks of a complaint, both counted in the centre's business hours. */
public enum SlaClock {
    /** From filing to the first response (triage, a note, a proposed resolution or asking the customer). */
    FIRST_RESPONSE,
    /** From filing (or reopening) to a resolution the customer is told. */
    RESOLUTION
}
