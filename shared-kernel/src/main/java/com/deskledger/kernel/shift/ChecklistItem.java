package com.deskledger.kernel.shift;

import java.util.regex.Pattern;

/**
 * One item of a post's checklist, copied from the configuration into the shift when it is scheduled, so a later
 * change of configuration never rewrites what a past shift had to do.
 *
 * @param code    unique within the checklist: lowercase letters, digits and dashes
 * @param label   what to do, for people
 * @param closing a closing item (water, power, windows, air-conditioning off; every child collected): the shift
 *                cannot clock out while one is open
 */
public record ChecklistItem(String code, String label, boolean closing) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public ChecklistItem {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("checklist item code must be 1-60 lowercase letters, digits or dashes");
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new IllegalArgumentException("checklist item label must be 1-200 characters");
        }
    }
}
