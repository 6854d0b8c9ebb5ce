package com.deskledger.kernel.member.query;

import java.util.List;

/** One page of members. */
public record MemberPage(List<MemberRow> items, int page, int size, long total) {

    public MemberPage {
        items = List.copyOf(items);
    }
}
