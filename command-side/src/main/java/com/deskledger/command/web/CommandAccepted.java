package com.deskledger.command.web;

/**
 * The answer to an accepted command: the aggregate's id and the global position of the last event it appended,
 * which a view query can wait for ({@code ?position=}) to read its own write.
 */
public record CommandAccepted(String id, long position) {
}
