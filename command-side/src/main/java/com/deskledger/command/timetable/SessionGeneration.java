package com.deskledger.command.timetable;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.kernel.timetable.template.command.SkipTemplateOccurrenceCommand;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.timetable.template.event.ClassTemplateCreatedEvent;
import com.deskledger.kernel.timetable.template.event.ClassTemplateExtendedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

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
        generate(event.templateId(), event.centre(), event.name(), event.room(), event.roomName(),
                event.roomCapacity(), event.teacher(), event.places(), event.credits(), event.occurrences(),
                event.by(), event.at());
    }

    @EventHandler
    void on(ClassTemplateExtendedEvent event) {
        generate(event.templateId(), event.centre(), event.name(), event.room(), event.roomName(),
                event.roomCapacity(), event.teacher(), event.places(), event.credits(), event.occurrences(),
                event.by(), event.at());
    }

    private void generate(TemplateId template, CentreId centre, String name, RoomId room, String roomName,
                          int roomCapacity, String teacher, int places, int credits, List<Occurrence> occurrences,
                          StaffId by, Instant at) {
        for (Occurrence occurrence : occurrences) {
            if (calendar.booking(occurrence.sessionId()).isPresent()) {
                continue;
            }
            try {
                calendar.lockAndRequireFree(room, occurrence.start(), occurrence.end(), occurrence.sessionId());
            } catch (DomainException taken) {
                commands.sendAndWait(new SkipTemplateOccurrenceCommand(template, centre, occurrence.sessionId(),
                        taken.code().name(), at));
                continue;
            }
            commands.sendAndWait(new ScheduleSessionCommand(occurrence.sessionId(), centre, SessionKind.CLASS,
                    template, name, room, roomName, roomCapacity, teacher, occurrence.start(), occurrence.end(),
                    places, credits, by, at));
        }
    }
}
