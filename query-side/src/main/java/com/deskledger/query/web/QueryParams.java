package com.deskledger.query.web;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;

/** Checks of paging parameters shared by the query controllers. */
public final class QueryParams {

    public static final int MAX_PAGE_SIZE = 200;

    private QueryParams() {
    }

    public static void requirePaging(int page, int size) {
        if (page < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "page must be 0 or more", "page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "size must be 1 to " + MAX_PAGE_SIZE, "size");
        }
    }
}
