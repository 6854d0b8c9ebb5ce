package com.deskledger.command.timetable;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.template.command.CreateClassTemplateCommand;
import com.deskledger.kernel.timetable.template.command.ExtendClassTemplateCommand;
import com.deskledger.kernel.timetable.template.command.SkipTemplateOccurrenceCommand;
import com.deskledger.kernel.timetable.template.event.ClassTemplateCreatedEvent;
import com.deskledger.kernel.timetable.template.event.ClassTemplateExtendedEvent;
import com.deskledger.kernel.timetable.template.event.TemplateOccurrenceSkippedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A weekly class pattern ("Phonics A, Tue and Thu 17:00-17:50, room 2, teacher Li, 12 places, 1 credit") and the
 * sessions it generated. The sessions themselves are {@link ClassSession}s, scheduled by
 * {@link SessionGenerationSaga}; an occurrence whose room was taken meanwhile is recorded here as skipped.
 */
@Aggregate
class ClassTemplate {

    static final int LONGEST_CLASS_MINUTES = 12 * 60;

    @AggregateIdentifier
    private TemplateId id;
    private final Set<String> occurrences = new HashSet<>();
    private final Set<String> skipped = new HashSet<>();
    private CentreId centre;
    private String name;
    private Set<DayOfWeek> days;
    private LocalTime startTime;
    private int minutes;
    private RoomId room;
    private String roomName;
    private int roomCapacity;
    private String teacher;
    private int places;
    private int credits;
    private LocalDate until;
    /** The start of the latest session the template generated. */
    private Instant lastStart;

    ClassTemplate() {
        // for Axon
    }

    @CommandHandler
    ClassTemplate(CreateClassTemplateCommand command) {
        if (command.days().isEmpty()) {
            throw new DomainException(ErrorCode.TEMPLATE_INVALID, "a template runs on at least one day", "days");
        }
        if (command.minutes() < 1 || command.minutes() > LONGEST_CLASS_MINUTES) {
            throw new DomainException(ErrorCode.TEMPLATE_INVALID, "a class lasts 1 to " + LONGEST_CLASS_MINUTES
                    + " minutes", "minutes");
        }
        ClassSession.requirePlaces(command.places(), command.roomCapacity());
        ClassSession.requireCredits(command.credits());
        if (command.until() != null && command.until().isBefore(command.from())) {
            throw new DomainException(ErrorCode.TEMPLATE_INVALID, "the last day is before the first", "until");
        }
        if (command.occurrences().isEmpty()) {
            throw new DomainException(ErrorCode.TEMPLATE_HAS_NO_SESSIONS,
                    "the template has no session between its first and last day within the horizon", "days");
        }
        apply(new ClassTemplateCreatedEvent(command.templateId(), command.centre(), command.name(), command.days(),
                command.startTime(), command.minutes(), command.room(), command.roomName(), command.roomCapacity(),
                command.teacher(), command.places(), command.credits(), command.from(), command.until(),
                command.occurrences(), command.by(), command.at()));
    }

    /**
     * The horizon moved on: the sessions from the day after the last one generated through {@code through} (never
     * past the template's last day), after now. Nothing new to generate is refused, not recorded.
     */
    @CommandHandler
    void handle(ExtendClassTemplateCommand command) {
        LocalDate last = until != null && until.isBefore(command.through()) ? until : command.through();
        LocalDate next = lastStart.atZone(command.zone()).toLocalDate().plusDays(1);
        List<Occurrence> more = WeeklyPattern.occurrences(days, startTime, minutes, next, last, command.zone(),
                command.at());
        if (more.isEmpty()) {
            throw new DomainException(ErrorCode.TEMPLATE_HAS_NO_SESSIONS,
                    "the template has no further session within the horizon or before its last day");
        }
        apply(new ClassTemplateExtendedEvent(id, centre, name, room, roomName, roomCapacity, teacher, places,
                credits, more, command.by(), command.at()));
    }

    /** Idempotent: an occurrence skipped already stays skipped, without a second event. */
    @CommandHandler
    void handle(SkipTemplateOccurrenceCommand command) {
        if (!occurrences.contains(command.sessionId().value())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such session of this template");
        }
        if (skipped.contains(command.sessionId().value())) {
            return;
        }
        apply(new TemplateOccurrenceSkippedEvent(id, command.sessionId(), command.reason(), command.at()));
    }

    @EventSourcingHandler
    void on(ClassTemplateCreatedEvent event) {
        id = event.templateId();
        centre = event.centre();
        name = event.name();
        days = event.days();
        startTime = event.startTime();
        minutes = event.minutes();
        room = event.room();
        roomName = event.roomName();
        roomCapacity = event.roomCapacity();
        teacher = event.teacher();
        places = event.places();
        credits = event.credits();
        until = event.until();
        generated(event.occurrences());
    }

    @EventSourcingHandler
    void on(ClassTemplateExtendedEvent event) {
        generated(event.occurrences());
    }

    private void generated(List<Occurrence> more) {
        more.forEach(o -> occurrences.add(o.sessionId().value()));
        more.stream().map(Occurrence::start).max(Instant::compareTo)
                .filter(start -> lastStart == null || start.isAfter(lastStart)).ifPresent(start -> lastStart = start);
    }

    @EventSourcingHandler
    void on(TemplateOccurrenceSkippedEvent event) {
        skipped.add(event.sessionId().value());
    }
}
