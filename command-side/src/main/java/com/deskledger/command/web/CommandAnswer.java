package com.deskledger.command.web;

/**
 * An accepted command whose handler also answered with a value (how many credits are left, whether a refund
 * waits for approval): the answer, the aggregate's id and the global position of the last event it appended.
 */
public record CommandAnswer<R>(R answer, String id, long position) {

    public CommandAccepted accepted() {
        return new CommandAccepted(id, position);
    }
}
