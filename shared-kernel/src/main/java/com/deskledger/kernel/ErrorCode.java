package com.deskledger.kernel;

/**
 * Stable error codes carried by {@link DomainException}. Clients match on the code, never on the message.
 * The {@link Kind} decides the HTTP status the web layer answers with.
 */
public enum ErrorCode {
    VALIDATION_FAILED(Kind.VALIDATION),
    NOT_FOUND(Kind.NOT_FOUND),
    CONCURRENCY_CONFLICT(Kind.CONFLICT),
    ALREADY_EXISTS(Kind.CONFLICT),
    FORBIDDEN_CENTRE(Kind.FORBIDDEN),
    FORBIDDEN_ROLE(Kind.FORBIDDEN),
    UNKNOWN_CENTRE(Kind.VALIDATION),

    // MemberAccount
    MEMBER_ALREADY_ENROLLED(Kind.CONFLICT),
    MEMBER_ERASED(Kind.RULE),
    MEMBER_FROZEN(Kind.RULE),
    MEMBER_NOT_FROZEN(Kind.RULE),
    GUARDIAN_REQUIRED(Kind.VALIDATION),
    IDENTITY_REQUIRED(Kind.VALIDATION),
    VISIT_IN_OTHER_CENTRE(Kind.RULE),
    CURRENCY_MISMATCH(Kind.VALIDATION),
    INVALID_PACKAGE(Kind.VALIDATION),
    INVALID_SALE(Kind.VALIDATION),
    PURCHASE_NOT_FOUND(Kind.NOT_FOUND),
    PACKAGE_NOT_RENEWABLE(Kind.RULE),
    INVALID_REFUND(Kind.VALIDATION),
    REFUND_EXCEEDS_PAID(Kind.RULE),
    REFUND_REASON_REQUIRED(Kind.VALIDATION),
    REFUND_NOT_FOUND(Kind.NOT_FOUND),
    REFUND_NOT_PENDING(Kind.RULE),
    NO_ACTIVE_PACKAGE(Kind.RULE),
    NO_CREDITS_LEFT(Kind.RULE),
    ALREADY_CHECKED_IN(Kind.RULE),
    SESSION_ALREADY_RECORDED(Kind.RULE),
    LEAVE_AFTER_START(Kind.RULE),
    NO_SHOW_BEFORE_START(Kind.RULE),
    NOTHING_TO_CHANGE(Kind.VALIDATION),

    VISIT_ENDED(Kind.RULE),
    NOT_A_CALL(Kind.RULE),
    RINGS_REQUIRED_FOR_CALL(Kind.RULE),
    RINGS_ONLY_FOR_CALLS(Kind.RULE),
    TRANSFER_TO_SAME_STAFF(Kind.RULE),
    MESSAGE_NOT_FOUND(Kind.NOT_FOUND),
    MESSAGE_ALREADY_TAKEN(Kind.CONFLICT),
    MESSAGE_ALREADY_DELIVERED(Kind.RULE),
    MEMBER_ALREADY_LINKED(Kind.RULE),
    FEEDBACK_ALREADY_RECORDED(Kind.RULE),
    FEEDBACK_SCORE_OUT_OF_RANGE(Kind.VALIDATION),
    TIME_BEFORE_ARRIVAL(Kind.RULE);

    /** How a code maps onto a response class. */
    public enum Kind { VALIDATION, NOT_FOUND, CONFLICT, RULE, FORBIDDEN }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
