package com.deskledger.kernel.member.query;

import java.util.List;

/** One page of refunds waiting for approval. */
public record PendingRefundPage(List<PendingRefundRow> items, int page, int size, long total) {

    public PendingRefundPage {
        items = List.copyOf(items);
    }
}
