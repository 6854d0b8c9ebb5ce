package com.deskledger.command.web;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A command that still met a concurrent change of its aggregate after every retry: answered 409
 * {@code CONCURRENCY_CONFLICT}, with how many times it was tried. Nothing of it was stored.
 */
public class CommandConflictException extends ConcurrencyException {

    private final int attempts;

    CommandConflictException(int attempts, Throwable lastConflict) {
        super("the record was changed at the same time on each of " + attempts + " attempts", lastConflict);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
