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

    // Shift
    SHIFT_OVERLAPS(Kind.CONFLICT),
    UNKNOWN_POST(Kind.VALIDATION),
    POST_NOT_ON_THAT_DAY(Kind.RULE),
    SHIFT_TIMES_INVALID(Kind.VALIDATION),
    SHIFT_ALREADY_STARTED(Kind.RULE),
    SHIFT_CANCELLED(Kind.RULE),
    REASSIGN_TO_SAME_STAFF(Kind.RULE),
    NOT_YOUR_SHIFT(Kind.FORBIDDEN),
    ALREADY_CLOCKED_IN(Kind.RULE),
    NOT_CLOCKED_IN(Kind.RULE),
    ALREADY_CLOCKED_OUT(Kind.RULE),
    NOT_CLOCKED_OUT(Kind.RULE),
    CLOCK_IN_TOO_EARLY(Kind.RULE),
    CLOCK_IN_AFTER_SHIFT_END(Kind.RULE),
    CLOCK_TIME_IN_FUTURE(Kind.RULE),
    CLOCK_OUT_BEFORE_CLOCK_IN(Kind.RULE),
    CORRECTION_UNCHANGED(Kind.RULE),
    CLOSING_ITEMS_OPEN(Kind.RULE),
    CHECKLIST_ITEM_UNKNOWN(Kind.NOT_FOUND),
    CHECKLIST_ITEM_ALREADY_TICKED(Kind.RULE),

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
