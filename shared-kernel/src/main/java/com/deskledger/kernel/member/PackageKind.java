package com.deskledger.kernel.member;

/** What a package gives: a pack of class credits, or a membership valid for a period. */
public enum PackageKind {
    /** N class credits; each check-in consumes one. */
    CREDIT_PACK,
    /** Classes without counting, from one date to another. */
    TIME_MEMBERSHIP
}
