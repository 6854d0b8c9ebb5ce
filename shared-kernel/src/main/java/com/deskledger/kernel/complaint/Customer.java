package com.deskledger.kernel.complaint;

import com.deskledger.kernel.member.MemberId;

/**
 * Who complained: a member, or a contact (name and phone) for someone who is not one. Personal data: never in
 * logs or messages.
 */
public record Customer(MemberId memberId, String name, String phone) {

    /** A member or at least a name or phone number to reach the person. */
    public boolean isIdentified() {
        return memberId != null || hasText(name) || hasText(phone);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "Customer[memberId=" + memberId + ", contact hidden]";
    }
}
