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
    ATTENDANCE_WINDOW_CLOSED(Kind.RULE),
    NOTHING_TO_CHANGE(Kind.VALIDATION),
    REFUNDS_WAITING(Kind.RULE),

    // member import (issue 20)
    /** The file is no import file: not UTF-8, no header, a column missing or unknown. */
    IMPORT_FILE_INVALID(Kind.VALIDATION),
    /** The dry run found problems in rows that the commit did not exclude. */
    IMPORT_HAS_PROBLEMS(Kind.RULE),
    /** The import was committed already (it runs, or has run). */
    IMPORT_ALREADY_COMMITTED(Kind.CONFLICT),
    /** The same member number was imported before into this centre. */
    MEMBER_ALREADY_IMPORTED(Kind.CONFLICT),

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

    // the timetable: rooms, sessions, templates
    /** The room is taken at that time by another class, party or event. */
    ROOM_DOUBLE_BOOKED(Kind.CONFLICT),
    ROOM_NAME_TAKEN(Kind.CONFLICT),
    ROOM_TOO_SMALL(Kind.RULE),
    SESSION_TIMES_INVALID(Kind.VALIDATION),
    SESSION_CANCELLED(Kind.RULE),
    SESSION_ALREADY_STARTED(Kind.RULE),
    SESSION_ALREADY_ENDED(Kind.RULE),
    SESSION_UNCHANGED(Kind.RULE),
    TEMPLATE_INVALID(Kind.VALIDATION),
    TEMPLATE_HAS_NO_SESSIONS(Kind.RULE),
    ALREADY_BOOKED(Kind.RULE),
    NOT_BOOKED(Kind.NOT_FOUND),
    NOT_A_CLASS(Kind.RULE),
    SESSION_FULL(Kind.RULE),
    SESSION_NOT_STARTED(Kind.RULE),
    PARTY_DEPOSIT_ABOVE_PRICE(Kind.RULE),

    // audit and replay
    NOT_REPLAYABLE(Kind.RULE),
    REPLAY_IN_PROGRESS(Kind.CONFLICT),
    VERIFICATION_IN_PROGRESS(Kind.CONFLICT),
    NOT_YET_EXISTING(Kind.NOT_FOUND),

    // ComplaintCase
    CUSTOMER_REQUIRED(Kind.VALIDATION),
    RECEIVED_IN_FUTURE(Kind.VALIDATION),
    COMPENSATION_INVALID(Kind.VALIDATION),
    COMPENSATION_CURRENCY_MISMATCH(Kind.VALIDATION),
    COMPLAINT_CLOSED(Kind.RULE),
    COMPLAINT_WITHDRAWN(Kind.RULE),
    COMPLAINT_PAUSED(Kind.RULE),
    COMPLAINT_NOT_PAUSED(Kind.RULE),
    COMPLAINT_CANNOT_PAUSE(Kind.RULE),
    COMPLAINT_NOT_CLOSED(Kind.RULE),
    TIME_BEFORE_FILING(Kind.RULE),
    TRIAGE_UNCHANGED(Kind.RULE),
    HANDLER_ALREADY_ASSIGNED(Kind.RULE),
    ESCALATION_AT_TOP_LEVEL(Kind.RULE),
    RESOLUTION_PENDING_APPROVAL(Kind.RULE),
    RESOLUTION_ALREADY_OFFERED(Kind.RULE),
    NO_RESOLUTION_PENDING_APPROVAL(Kind.RULE),
    NO_RESOLUTION_OFFERED(Kind.RULE),
    FOLLOW_UP_ALREADY_RECORDED(Kind.RULE),

    // Product: the catalogue and the stock ledger
    /** A product with this code is already in the centre's catalogue. */
    PRODUCT_CODE_TAKEN(Kind.CONFLICT),
    INVALID_PRODUCT(Kind.VALIDATION),
    PRODUCT_INACTIVE(Kind.RULE),
    /** A product that is only used (consumables, vouchers) cannot be sold. */
    PRODUCT_NOT_FOR_SALE(Kind.RULE),
    /** More than is on hand, for a product that takes no back-orders (or for an issue or a transfer). */
    OUT_OF_STOCK(Kind.RULE),
    INVALID_QUANTITY(Kind.VALIDATION),
    MOVEMENT_ALREADY_RECORDED(Kind.CONFLICT),
    STOCK_SALE_NOT_FOUND(Kind.NOT_FOUND),
    RETURN_EXCEEDS_SOLD(Kind.RULE),
    /** A walk-in sale is refunded here, a member's sale on the member's account. */
    WRONG_KIND_OF_SALE(Kind.RULE),
    /** A walk-in sale older than seven days is refunded only by a manager. */
    REFUND_NEEDS_MANAGER(Kind.FORBIDDEN),
    STOCKTAKE_NOT_FOUND(Kind.NOT_FOUND),
    ADJUSTMENT_NOT_PENDING(Kind.RULE),
    /** An approval the actor's role does not allow (a supervisor approves adjustments and purchases). */
    APPROVAL_NEEDS_SUPERVISOR(Kind.FORBIDDEN),
    TRANSFER_TO_SAME_CENTRE(Kind.RULE),
    TRANSFER_NOT_FOUND(Kind.NOT_FOUND),
    TRANSFER_ALREADY_RECEIVED(Kind.CONFLICT),
    PURCHASE_REQUEST_NOT_FOUND(Kind.NOT_FOUND),
    PURCHASE_NOT_APPROVED(Kind.RULE),
    PURCHASE_ALREADY_APPROVED(Kind.RULE),
    DELIVERY_EXCEEDS_REQUEST(Kind.RULE),

    // member cards and the kiosk
    /** No live card with that token (never issued, re-issued or revoked), or the member has no card to revoke. */
    CARD_NOT_FOUND(Kind.NOT_FOUND),

    // tamper evidence
    /** A checkpoint receipt whose signature does not verify with any checkpoint key the application holds. */
    CHECKPOINT_RECEIPT_INVALID(Kind.RULE),
    /** A checkpoint could not be taken because appends kept running at or below its index for too long. */
    CHECKPOINT_BUSY(Kind.CONFLICT),

    // money and time at the edge
    /** An amount above the configured maximum per amount (a price, a line, a total), or one that would overflow. */
    AMOUNT_TOO_LARGE(Kind.RULE),
    /** An ISO 4217 code that the centre does not take (or no ISO 4217 code at all). */
    CURRENCY_NOT_ACCEPTED(Kind.VALIDATION),
    /** An instant or date outside the window that makes sense for it (see {@link TimeWindows}). */
    TIME_OUT_OF_RANGE(Kind.VALIDATION),

    // the HTTP edge: refusals before any command, their status decided by the web layer
    REQUEST_REJECTED(Kind.REQUEST),
    PAYLOAD_TOO_LARGE(Kind.REQUEST),
    METHOD_NOT_ALLOWED(Kind.REQUEST),
    NOT_ACCEPTABLE(Kind.REQUEST),
    UNSUPPORTED_MEDIA_TYPE(Kind.REQUEST),
    UNAUTHENTICATED(Kind.REQUEST),
    CSRF_TOKEN_INVALID(Kind.FORBIDDEN),
    INTERNAL_ERROR(Kind.REQUEST),

    // infrastructure: the database cannot be reached; the client should retry after a while
    DATABASE_UNAVAILABLE(Kind.UNAVAILABLE),

    // storage
    /** The command's transaction ran too long to commit safely (see README "Every view exact"); nothing stored. */
    COMMIT_TOO_LATE(Kind.UNAVAILABLE);

    /**
     * How a code maps onto a response class. {@code REQUEST} codes refuse the HTTP request itself (its URL, size,
     * method or media type); the web layer answers them with the matching status. {@code UNAVAILABLE}: 503.
     */
    public enum Kind { VALIDATION, NOT_FOUND, CONFLICT, RULE, FORBIDDEN, REQUEST, UNAVAILABLE }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
