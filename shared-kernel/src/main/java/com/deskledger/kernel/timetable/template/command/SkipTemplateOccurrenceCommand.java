package com.deskledger.kernel.timetable.template.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.TemplateId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that one of the template's sessions could not be put on the timetable (its room was taken meanwhile).
 * Sent only by the session generation, in the template's own transaction, so it names the template's centre
 * itself (the directory may not hold the template yet).
 */
public record SkipTemplateOccurrenceCommand(@TargetAggregateIdentifier TemplateId templateId, CentreId centre,
                                            SessionId sessionId, String reason, Instant at) implements CentreScoped {
}
