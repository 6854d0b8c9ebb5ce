package com.deskledger.kernel.timetable.template.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.TemplateId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Generate the template's next sessions, from the day after its last one through {@code through} (the horizon from
 * today; never past the template's own last day). {@code zone} is the centre's, for the local times.
 */
public record ExtendClassTemplateCommand(@TargetAggregateIdentifier TemplateId templateId, LocalDate through,
                                         ZoneId zone, StaffId by, Instant at) {
}
