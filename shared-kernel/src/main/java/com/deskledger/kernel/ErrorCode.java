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
    TIME_BEFORE_ARRIVAL(Kind.RULE),

    // audit and replay
    NOT_REPLAYABLE(Kind.RULE),
    REPLAY_IN_PROGRESS(Kind.CONFLICT),
    VERIFICATION_IN_PROGRESS(Kind.CONFLICT),
    NOT_YET_EXISTING(Kind.NOT_FOUND);

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
