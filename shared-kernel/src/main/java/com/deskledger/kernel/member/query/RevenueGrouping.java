package com.deskledger.kernel.member.query;

/** How revenue is broken down: by period (in the centre's zone), by plan or product, by staff, by payment method. */
public enum RevenueGrouping {
    DAY,
    /** ISO weeks, Monday first. */
    WEEK,
    MONTH,
    /** A package's plan or a product's code. */
    ITEM,
    STAFF,
    PAYMENT_METHOD
}
