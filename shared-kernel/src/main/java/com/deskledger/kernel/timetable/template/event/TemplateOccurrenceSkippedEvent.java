package com.deskledger.kernel.timetable.template.event;

import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.TemplateId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One of the template's sessions was not put on the timetable; {@code reason} is an error code. */
@Revision("1")
public record TemplateOccurrenceSkippedEvent(TemplateId templateId, SessionId sessionId, String reason, Instant at) {
}
