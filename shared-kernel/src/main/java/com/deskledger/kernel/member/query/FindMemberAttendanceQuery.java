package com.deskledger.kernel.member.query;

import java.time.LocalDate;

/** One member's class sessions from {@code from} to {@code to} (both optional), newest first. */
public record FindMemberAttendanceQuery(String memberId, LocalDate from, LocalDate to) {
}
