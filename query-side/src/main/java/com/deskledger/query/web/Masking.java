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

    /** Keeps the last four characters of an ID number: {@code **************4578}. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isEmpty()) {
            return idNumber;
        }
        int shown = idNumber.length() > 8 ? 4 : 0;
        return "*".repeat(idNumber.length() - shown) + idNumber.substring(idNumber.length() - shown);
    }

    /** Keeps the first character of the mailbox and the domain: {@code f***@example.com}. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at < 1) {
            return "*".repeat(email.length());
        }
        return email.charAt(0) + "*".repeat(Math.max(1, at - 1)) + email.substring(at);
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
