package com.deskledger.command.timetable;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.timetable.template.command.CreateClassTemplateCommand;
import com.deskledger.kernel.timetable.template.command.SkipTemplateOccurrenceCommand;
import com.deskledger.kernel.timetable.template.event.ClassTemplateCreatedEvent;
import com.deskledger.kernel.timetable.template.event.TemplateOccurrenceSkippedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
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
        event.occurrences().stream().map(Occurrence::sessionId).forEach(s -> occurrences.add(s.value()));
    }

    @EventSourcingHandler
    void on(TemplateOccurrenceSkippedEvent event) {
        skipped.add(event.sessionId().value());
    }
}
