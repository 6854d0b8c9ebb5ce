package com.deskledger.kernel.audit;

import java.util.Map;
import java.util.Optional;

/** The aggregate kinds as they appear in audit paths ({@code /api/audit/{kind}/...}) and their type names. */
public final class AggregateKinds {

    private static final Map<String, String> TYPES = Map.of(
            "visits", "VisitorSession",
            "complaints", "ComplaintCase",
            "shifts", "Shift",
            "members", "MemberAccount");

    private AggregateKinds() {
    }

    /** The aggregate type name for a path kind such as {@code visits}. */
    public static Optional<String> typeOf(String kind) {
        return Optional.ofNullable(TYPES.get(kind));
    }
}
