package com.deskledger.kernel.audit;

import java.util.Map;
import java.util.Optional;

/** The aggregate kinds as they appear in audit paths ({@code /api/audit/{kind}/...}) and their type names. */
public final class AggregateKinds {

    private static final Map<String, String> TYPES = Map.of(
            "visits", "VisitorSession",
            "complaints", "ComplaintCase",
            "shifts", "Shift",
            "members", "MemberAccount",
            "rooms", "Room",
            "sessions", "ClassSession",
            "class-templates", "ClassTemplate",
            "products", "Product");

    /** Package noun of the published language ({@code kernel.<noun>.command}) to aggregate type. */
    private static final Map<String, String> BY_PACKAGE = Map.of(
            "visit", "VisitorSession",
            "complaint", "ComplaintCase",
            "shift", "Shift",
            "member", "MemberAccount",
            "room", "Room",
            "session", "ClassSession",
            "template", "ClassTemplate",
            "stock", "Product");

    private AggregateKinds() {
    }

    /** The aggregate type name for a path kind such as {@code visits}. */
    public static Optional<String> typeOf(String kind) {
        return Optional.ofNullable(TYPES.get(kind));
    }

    /** The aggregate type a command of the published language is for, from its package. */
    public static Optional<String> typeOfCommand(Class<?> command) {
        String[] parts = command.getPackageName().split("\\.");
        for (int i = 1; i < parts.length; i++) {
            if ("command".equals(parts[i])) {
                return Optional.ofNullable(BY_PACKAGE.get(parts[i - 1]));
            }
        }
        return Optional.empty();
    }
}
