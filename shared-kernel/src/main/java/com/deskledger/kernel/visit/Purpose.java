package com.deskledger.kernel.visit;

/** Why the visitor came or called. */
public enum Purpose {
    CONSULTATION, ENROLMENT, CLASS_PICK_UP, COMPLAINT, PURCHASE, BOOKING, OTHER
}
