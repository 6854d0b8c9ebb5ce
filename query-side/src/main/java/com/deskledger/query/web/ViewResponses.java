package com.deskledger.query.web;

import org.springframework.http.ResponseEntity;

/** The answer every view controller gives: 200 with the body and whether the asked position was reached. */
public final class ViewResponses {

    /** Header saying whether the view had reached the {@code ?position=} asked for (always true without one). */
    public static final String CONSISTENT_HEADER = "X-DeskLedger-Consistent";

    private ViewResponses() {
    }

    public static <T> ResponseEntity<T> ok(boolean consistent, T body) {
        return ResponseEntity.ok().header(CONSISTENT_HEADER, Boolean.toString(consistent)).body(body);
    }
}
