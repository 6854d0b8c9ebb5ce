package com.deskledger.command.timetable;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.session.command.CancelSessionCommand;
import com.deskledger.kernel.timetable.session.command.MoveSessionCommand;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.kernel.timetable.session.command.SubstituteTeacherCommand;
import com.deskledger.kernel.timetable.session.event.SessionCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionMovedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import com.deskledger.kernel.timetable.session.event.TeacherSubstitutedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One session of the timetable: a class, a party or an event, in a room from a start to an end, with its places.
 * It can move (time, room), get a substitute teacher or be cancelled until it starts. The room calendar (a
 * command-side lookup, {@link RoomCalendar}) keeps any two sessions of a room apart.
 */
@Aggregate
class ClassSession {

    static final Duration LONGEST_SESSION = Duration.ofHours(12);
    /** A session costs no credit (an open event) or one (a class: a member's check-in has always consumed one). */
    static final int MAX_CREDITS = 1;

    @AggregateIdentifier
    private SessionId id;
    private RoomId room;
    private String teacher;
    private Instant start;
    private Instant end;
    private int places;
    private boolean cancelled;

    ClassSession() {
        // for Axon
    }

    @CommandHandler
    ClassSession(ScheduleSessionCommand command) {
        requireTimes(command.start(), command.end());
        requirePlaces(command.places(), command.roomCapacity());
        requireCredits(command.credits());
        apply(new SessionScheduledEvent(command.sessionId(), command.centre(), command.kind(), command.template(),
                command.title(), command.room(), command.roomName(), command.teacher(), command.start(),
                command.end(), command.places(), command.credits(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(MoveSessionCommand command) {
        requireNotCancelled();
        requireNotStarted(command.at());
        requireTimes(command.start(), command.end());
        if (!command.start().isAfter(command.at())) {
            throw new DomainException(ErrorCode.SESSION_TIMES_INVALID, "a session moves to a time still ahead",
                    "start");
        }
        if (command.room().equals(room) && command.start().equals(start) && command.end().equals(end)) {
            throw new DomainException(ErrorCode.SESSION_UNCHANGED, "the session is already in that room at that time");
        }
        if (places > command.roomCapacity()) {
            throw new DomainException(ErrorCode.ROOM_TOO_SMALL, "the room holds fewer than the session's "
                    + places + " places", "room");
        }
        apply(new SessionMovedEvent(id, room, start, end, command.room(), command.roomName(), command.start(),
                command.end(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(SubstituteTeacherCommand command) {
        requireNotCancelled();
        if (!command.at().isBefore(end)) {
            throw new DomainException(ErrorCode.SESSION_ALREADY_ENDED, "the session has ended");
        }
        if (Objects.equals(command.teacher(), teacher)) {
            throw new DomainException(ErrorCode.SESSION_UNCHANGED, "that teacher already takes the session",
                    "teacher");
        }
        apply(new TeacherSubstitutedEvent(id, teacher, command.teacher(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(CancelSessionCommand command) {
        requireNotCancelled();
        requireNotStarted(command.at());
        apply(new SessionCancelledEvent(id, command.reason(), command.by(), command.at()));
    }

    static void requireTimes(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new DomainException(ErrorCode.SESSION_TIMES_INVALID, "a session ends after it starts", "end");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SESSION) > 0) {
            throw new DomainException(ErrorCode.SESSION_TIMES_INVALID, "a session lasts at most 12 hours", "end");
        }
    }

    static void requirePlaces(int places, int roomCapacity) {
        if (places < 1) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a session offers at least one place", "places");
        }
        if (places > roomCapacity) {
            throw new DomainException(ErrorCode.ROOM_TOO_SMALL, "the room holds " + roomCapacity
                    + " people; the session offers more places", "places");
        }
    }

    static void requireCredits(int credits) {
        if (credits < 0 || credits > MAX_CREDITS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a session costs 0 to " + MAX_CREDITS
                    + " credits", "credits");
        }
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw new DomainException(ErrorCode.SESSION_CANCELLED, "the session is cancelled");
        }
    }

    private void requireNotStarted(Instant at) {
        if (!at.isBefore(start)) {
            throw new DomainException(ErrorCode.SESSION_ALREADY_STARTED, "the session has started");
        }
    }

    @EventSourcingHandler
    void on(SessionScheduledEvent event) {
        id = event.sessionId();
        room = event.room();
        teacher = event.teacher();
        start = event.start();
        end = event.end();
        places = event.places();
    }

    @EventSourcingHandler
    void on(SessionMovedEvent event) {
        room = event.room();
        start = event.start();
        end = event.end();
    }

    @EventSourcingHandler
    void on(TeacherSubstitutedEvent event) {
        teacher = event.teacher();
    }

    @EventSourcingHandler
    void on(SessionCancelledEvent event) {
        cancelled = true;
    }
}
