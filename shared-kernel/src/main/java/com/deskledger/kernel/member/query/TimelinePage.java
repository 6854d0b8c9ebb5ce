package com.deskledger.kernel.member.query;

import java.util.List;

/** One page of a member's timeline, newest first. */
public record TimelinePage(String memberId, String centre, List<TimelineEntry> items, int page, int size,
                           long total) {

    public TimelinePage {
        items = List.copyOf(items);
    }
}
