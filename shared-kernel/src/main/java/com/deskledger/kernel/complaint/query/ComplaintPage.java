package com.deskledger.kernel.complaint.query;

import java.util.List;

/** One page of complaints: zero-based page number, page size and the total number matching the filters. */
public record ComplaintPage(List<ComplaintRow> items, int page, int size, long total) {

    public ComplaintPage {
        items = List.copyOf(items);
    }
}
