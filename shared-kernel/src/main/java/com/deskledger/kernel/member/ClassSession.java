package com.deskledger.kernel.member;

import java.time.Instant;

/**
 * One class session: the class, its scheduled start and the room. A session is identified by class and start,
 * so the same class at the same time in another room is the same session.
 */
public record ClassSession(String classCode, Instant scheduledStart, String room) {

    public ClassSession {
        if (classCode == null || classCode.isBlank() || classCode.length() > 100) {
            throw new IllegalArgumentException("class must be 1-100 characters");
        }
        if (scheduledStart == null) {
            throw new IllegalArgumentException("scheduled start is required");
        }
        if (room != null && room.length() > 50) {
            throw new IllegalArgumentException("room must be at most 50 characters");
        }
    }

    /** The identity of the session: class and scheduled start. */
    public String key() {
        return classCode + "@" + scheduledStart;
    }
}
