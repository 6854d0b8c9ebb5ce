package com.deskledger.command.timetable;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.kernel.timetable.template.command.SkipTemplateOccurrenceCommand;
import com.deskledger.kernel.timetable.template.event.ClassTemplateCreatedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The event-driven step from a class template to its sessions: each occurrence the template's event names becomes
 * a {@link ClassSession} through its own command, so every session has its own history, caused by the template's
 * event and carrying the same user and correlation id. Subscribing: it runs in the transaction that appends the
 * template, so the template and its sessions are stored together or not at all. An occurrence whose room was taken
 * after the controller's check (a race) is recorded on the template as skipped instead of failing the template.
 * Idempotent: an occurrence already on the calendar is left alone.
 */
@Component
@ProcessingGroup(SessionGeneration.PROCESSING_GROUP)
class SessionGeneration {

    static final String PROCESSING_GROUP = "session-generation";

    private final CommandGateway commands;
    private final RoomCalendar calendar;

    SessionGeneration(CommandGateway commands, RoomCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    @EventHandler
    void on(ClassTemplateCreatedEvent event) {
        for (Occurrence occurrence : event.occurrences()) {
            if (calendar.booking(occurrence.sessionId()).isPresent()) {
                continue;
            }
            try {
                calendar.lockAndRequireFree(event.room(), occurrence.start(), occurrence.end(),
                        occurrence.sessionId());
            } catch (DomainException taken) {
                commands.sendAndWait(new SkipTemplateOccurrenceCommand(event.templateId(), event.centre(),
                        occurrence.sessionId(), taken.code().name(), event.at()));
                continue;
            }
            commands.sendAndWait(new ScheduleSessionCommand(occurrence.sessionId(), event.centre(),
                    SessionKind.CLASS, event.templateId(), event.name(), event.room(), event.roomName(),
                    event.roomCapacity(), event.teacher(), occurrence.start(), occurrence.end(), event.places(),
                    event.credits(), event.by(), event.at()));
        }
    }
}
