package com.deskledger.kernel;

import java.util.List;

/** One page of a list: zero-based page number, page size and the total number of items. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
