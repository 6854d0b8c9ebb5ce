package com.deskledger.kernel;

/**
 * A broken rule or a refused request, with a stable {@link ErrorCode}. The message is for people and must never
 * contain personal data. An optional field names the request field the error is about.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public DomainException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field the error is about, or {@code null}. */
    public String field() {
        return field;
    }
}
