package com.deskledger.kernel.visit.query;

import java.util.List;

/** One page of visits: zero-based page number, page size and the total number of visits. */
public record VisitPage(List<VisitRow> items, int page, int size, long total) {

    public VisitPage {
        items = List.copyOf(items);
    }
}
