package com.deskledger.command.web;

import org.springframework.http.ResponseEntity;

/** The answer every command controller gives: 200 with the accepted command and the position header. */
public final class CommandResponses {

    /** Header carrying the global position of the last event a command appended. */
    public static final String POSITION_HEADER = "X-DeskLedger-Position";

    private CommandResponses() {
    }

    public static ResponseEntity<CommandAccepted> ok(CommandAccepted accepted) {
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(accepted.position())).body(accepted);
    }
}
