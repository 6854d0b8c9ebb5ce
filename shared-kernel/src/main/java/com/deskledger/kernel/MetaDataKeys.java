package com.deskledger.kernel;

/** Keys of the metadata every command and event carries: who did it, where, and why. */
public final class MetaDataKeys {

    public static final String USER = "user";
    /** Comma-separated role names without the {@code ROLE_} prefix. */
    public static final String ROLES = "roles";
    /** The centre the command acts on. */
    public static final String CENTRE = "centre";
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_ADDRESS = "clientAddress";

    /** Request attribute under which the web layer keeps the request's correlation id. */
    public static final String CORRELATION_ATTRIBUTE = "deskledger.correlationId";
    /** HTTP header carrying the correlation id in and out. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private MetaDataKeys() {
    }
}
