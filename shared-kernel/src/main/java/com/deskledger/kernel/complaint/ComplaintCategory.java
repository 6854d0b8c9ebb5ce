package com.deskledger.kernel.complaint;

/** What the complaint is about. */
public enum ComplaintCategory {
    /** Service at the desk or on the phone. */
    SERVICE,
    /** A course, class, teacher's lesson or product sold. */
    COURSE_PRODUCT,
    /** Rooms, equipment, cleanliness. */
    FACILITY,
    /** Prices, payments, invoices, refunds. */
    BILLING,
    /** How a member of staff behaved. */
    STAFF_CONDUCT,
    /** A child's or customer's safety. */
    SAFETY,
    OTHER
}
