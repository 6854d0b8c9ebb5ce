package com.deskledger.kernel.complaint;

/** Why a complaint went up a level. */
public enum EscalationReason {
    /** A supervisor or manager escalated it. */
    MANUAL,
    /** An SLA target passed. */
    SLA_BREACH,
    /** It was found to be major, and major complaints are a manager's. */
    MAJOR_SEVERITY
}
