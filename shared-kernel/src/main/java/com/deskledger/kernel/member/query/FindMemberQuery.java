package com.deskledger.kernel.member.query;

/** One member's profile; the ID number is shown only with {@code revealIdNumber}. */
public record FindMemberQuery(String memberId, boolean revealPersonal, boolean revealIdNumber) {
}
