package com.deskledger.kernel.visit.query;

import java.util.List;

/** One page of messages: zero-based page number, page size and the total number of messages. */
public record MessagePage(List<MessageRow> items, int page, int size, long total) {

    public MessagePage {
        items = List.copyOf(items);
    }
}
