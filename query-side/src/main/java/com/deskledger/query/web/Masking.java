package com.deskledger.query.web;

/** Masks personal data for roles that do not need it in full (manual 002 §7: customer data is confidential). */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first three and last two digits: {@code 138******78}. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() <= 5) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }

    /** Keeps the first character: {@code 王**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
