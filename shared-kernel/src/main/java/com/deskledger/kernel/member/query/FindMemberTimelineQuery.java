package com.deskledger.kernel.member.query;

/** Everything that happened with one member (visits, purchases, refunds, classes, ...), newest first. */
public record FindMemberTimelineQuery(String memberId, int page, int size, boolean revealPersonal) {
}
