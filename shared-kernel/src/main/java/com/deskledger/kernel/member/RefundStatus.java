package com.deskledger.kernel.member;

/** Where a refund stands: paid back, waiting for a manager's approval, or turned down. */
public enum RefundStatus {
    REFUNDED,
    AWAITING_APPROVAL,
    REJECTED
}
