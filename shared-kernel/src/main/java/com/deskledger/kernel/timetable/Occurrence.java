package com.deskledger.kernel.timetable;

import java.time.Instant;

/** One session a class template generates: its id, fixed when the template is made, and its time. */
public record Occurrence(SessionId sessionId, Instant start, Instant end) {
}
