package com.deskledger.command.member;

import java.time.Instant;

/**
 * Where a member import stands: the file (name, SHA-256, size), its status ({@code VALIDATED} after the dry run,
 * {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, {@code INVALID}), the dry run's counts (members in the file,
 * rows with problems, problems, members imported before), and the commit's progress: rows read, imported, skipped,
 * failed, the rate (rows a second since this node started or resumed it) and the seconds left at that rate.
 */
public record ImportStatus(String id, String centre, String fileName, String checksum, long bytes, String status,
                           String error, String uploadedBy, Instant uploadedAt, Integer rows, Integer problemRows,
                           Integer problems, Integer alreadyImported, String committedBy, Instant committedAt,
                           Instant finishedAt, int read, int imported, int skipped, int failed, Double ratePerSecond,
                           Long secondsLeft) {
}
