package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.SessionKind;
import com.deskledger.kernel.timetable.session.command.BookPartyCommand;
import com.deskledger.kernel.timetable.session.command.BookSessionCommand;
import com.deskledger.kernel.timetable.session.command.CancelBookingCommand;
import com.deskledger.kernel.timetable.session.command.CancelSessionCommand;
import com.deskledger.kernel.timetable.session.command.CheckInToSessionCommand;
import com.deskledger.kernel.timetable.session.command.MoveSessionCommand;
import com.deskledger.kernel.timetable.session.command.RecordSessionHeadCountCommand;
import com.deskledger.kernel.timetable.session.command.RecordSessionLeaveCommand;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import com.deskledger.kernel.timetable.session.command.SubstituteTeacherCommand;
import com.deskledger.kernel.timetable.session.event.BookingCancelledEvent;
import com.deskledger.kernel.timetable.session.event.MemberWaitlistedEvent;
import com.deskledger.kernel.timetable.session.event.PartyBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionCheckInRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionHeadCountRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionLeaveRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionMovedEvent;
import com.deskledger.kernel.timetable.session.event.SessionNoShowRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionScheduledEvent;
import com.deskledger.kernel.timetable.session.event.TeacherSubstitutedEvent;
import com.deskledger.kernel.timetable.session.event.WaitlistPromotedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One session of the timetable: a class, a party or an event, in a room from a start to an end, with its places.
 * It can move (time, room), get a substitute teacher or be cancelled until it starts. The room calendar (a
 * command-side lookup, {@link RoomCalendar}) keeps any two sessions of a room apart.
 * <p>
 * Members book it; a full session puts them on its waitlist, and a place freed by a cancelled booking or a leave
 * goes to the first member waiting in the same command, so the waitlist can never be passed over. Check-in (booked,
 * or a walk-in while places are left), leave and the teacher's head-count are recorded here; after the end its own
 * deadline (kept in PostgreSQL, so it survives a restart) records every booked member who neither came nor took
 * leave as a no-show. Credits live in the member's account: {@link SessionCredits} holds, consumes and releases them
 * as these events happen.
 */
@Aggregate
class ClassSession {

    static final Duration LONGEST_SESSION = Duration.ofHours(12);
    /** A session costs no credit (an open event) or one (a class: a member's check-in has always consumed one). */
    static final int MAX_CREDITS = 1;
    /** How long before the start the desk may check members in. */
    static final Duration CHECK_IN_OPENS = Duration.ofHours(2);
    static final String SETTLEMENT_DEADLINE = "session-settlement";
    static final String SYSTEM_USER = "system";

    @AggregateIdentifier
    private SessionId id;
    private CentreId centre;
    private SessionKind kind;
    private RoomId room;
    private String teacher;
    private Instant start;
    private Instant end;
    private int places;
    private int credits;
    private boolean cancelled;
    private boolean settled;
    /** Member ids holding a place (booked or walked in), in the order they got it. */
    private final Set<String> booked = new LinkedHashSet<>();
    private final List<String> waiting = new ArrayList<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final Set<String> walkIns = new LinkedHashSet<>();
    private final Set<String> onLeave = new LinkedHashSet<>();
    private final Set<String> noShows = new LinkedHashSet<>();

    ClassSession() {
        // for Axon
    }

    @CommandHandler
    ClassSession(ScheduleSessionCommand command, DeadlineManager deadlines) {
        requireTimes(command.start(), command.end());
        requirePlaces(command.places(), command.roomCapacity());
        requireCredits(command.credits());
        apply(new SessionScheduledEvent(command.sessionId(), command.centre(), command.kind(), command.template(),
                command.title(), command.room(), command.roomName(), command.teacher(), command.start(),
                command.end(), command.places(), command.credits(), command.by(), command.at()));
        // in a constructor the event is applied once it returns: the state is not set yet
        scheduleSettlement(deadlines, command.centre(), command.end());
    }

    /**
     * A birthday party takes a room like a class does (the room calendar keeps them apart); its places are its
     * children, it costs no credit and members do not book it. No settlement deadline: nobody can be a no-show.
     */
    @CommandHandler
    ClassSession(BookPartyCommand command) {
        requireTimes(command.start(), command.end());
        if (command.children() < 1) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a party has at least one child", "children");
        }
        if (command.children() > command.roomCapacity()) {
            throw new DomainException(ErrorCode.ROOM_TOO_SMALL, "the room holds " + command.roomCapacity()
                    + " people; the party has more children", "children");
        }
        if (!command.deposit().currency().equals(command.price().currency())) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "the deposit is in the price's currency",
                    "deposit.currency");
        }
        if (command.deposit().minor() > command.price().minor()) {
            throw new DomainException(ErrorCode.PARTY_DEPOSIT_ABOVE_PRICE, "the deposit is at most the price",
                    "deposit");
        }
        apply(new SessionScheduledEvent(command.sessionId(), command.centre(), SessionKind.PARTY, null,
                command.title(), command.room(), command.roomName(), null, command.start(), command.end(),
                command.children(), 0, command.by(), command.at()));
        apply(new PartyBookedEvent(command.sessionId(), command.guardian(), command.children(), command.title(),
                command.price(), command.deposit(), command.paymentMethod(), command.depositPurchase(), command.by(),
                command.at()));
    }

    // ---------------------------------------------------------------- the timetable

    @CommandHandler
    void handle(MoveSessionCommand command, DeadlineManager deadlines) {
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
        deadlines.cancelAllWithinScope(SETTLEMENT_DEADLINE);
        scheduleSettlement(deadlines, centre, end);
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

    /** Every booking and place on the waitlist goes with the session: no credit is taken, each member is told. */
    @CommandHandler
    void handle(CancelSessionCommand command, DeadlineManager deadlines) {
        requireNotCancelled();
        requireNotStarted(command.at());
        apply(new SessionCancelledEvent(id, command.reason(), command.by(), command.at()));
        for (String member : List.copyOf(booked)) {
            apply(new BookingCancelledEvent(id, MemberId.of(member), false, "SESSION_CANCELLED", command.by(),
                    command.at()));
        }
        for (String member : List.copyOf(waiting)) {
            apply(new BookingCancelledEvent(id, MemberId.of(member), true, "SESSION_CANCELLED", command.by(),
                    command.at()));
        }
        deadlines.cancelAllWithinScope(SETTLEMENT_DEADLINE);
    }

    // ---------------------------------------------------------------- bookings and the waitlist

    /** Answers {@code BOOKED}, or {@code WAITLISTED} when the session was full. */
    @CommandHandler
    String handle(BookSessionCommand command) {
        requireBookable(command.at());
        String member = command.member().value();
        if (booked.contains(member) || waiting.contains(member)) {
            throw new DomainException(ErrorCode.ALREADY_BOOKED, "the member is booked or waiting already", "member");
        }
        if (booked.size() < places) {
            apply(new SessionBookedEvent(id, command.member(), start, credits, command.by(), command.at()));
            return "BOOKED";
        }
        apply(new MemberWaitlistedEvent(id, command.member(), waiting.size() + 1, command.by(), command.at()));
        return "WAITLISTED";
    }

    @CommandHandler
    void handle(CancelBookingCommand command) {
        requireNotCancelled();
        requireNotStarted(command.at());
        String member = command.member().value();
        String reason = command.reason() == null ? "CANCELLED" : command.reason();
        if (waiting.contains(member)) {
            apply(new BookingCancelledEvent(id, command.member(), true, reason, command.by(), command.at()));
        } else if (booked.contains(member) && !present.contains(member) && !onLeave.contains(member)) {
            apply(new BookingCancelledEvent(id, command.member(), false, reason, command.by(), command.at()));
            promoteFirstWaiting(command.by(), command.at());
        } else {
            throw new DomainException(ErrorCode.NOT_BOOKED, "the member has no booking to cancel", "member");
        }
    }

    // ---------------------------------------------------------------- attendance

    @CommandHandler
    void handle(CheckInToSessionCommand command) {
        requireNotCancelled();
        if (command.at().isBefore(start.minus(CHECK_IN_OPENS))) {
            throw new DomainException(ErrorCode.SESSION_NOT_STARTED, "check-in opens two hours before the start");
        }
        if (!command.at().isBefore(end.plus(LONGEST_SESSION))) {
            throw new DomainException(ErrorCode.SESSION_ALREADY_ENDED, "the session ended too long ago to check in");
        }
        String member = command.member().value();
        if (present.contains(member)) {
            throw new DomainException(ErrorCode.ALREADY_CHECKED_IN, "the member is checked in already");
        }
        if (onLeave.contains(member) || noShows.contains(member)) {
            throw new DomainException(ErrorCode.SESSION_ALREADY_RECORDED, "the member's place is settled already");
        }
        if (booked.contains(member)) {
            apply(new SessionCheckInRecordedEvent(id, command.member(), false, start, credits, command.by(),
                    command.at()));
            return;
        }
        if (booked.size() >= places) {
            throw new DomainException(ErrorCode.SESSION_FULL, "no place is left for a walk-in");
        }
        if (waiting.contains(member)) {
            apply(new BookingCancelledEvent(id, command.member(), true, "WALKED_IN", command.by(), command.at()));
        }
        apply(new SessionCheckInRecordedEvent(id, command.member(), true, start, credits, command.by(),
                command.at()));
    }

    @CommandHandler
    void handle(RecordSessionLeaveCommand command) {
        requireNotCancelled();
        String member = command.member().value();
        if (!command.at().isBefore(start)) {
            throw new DomainException(ErrorCode.LEAVE_AFTER_START,
                    "leave is asked before the class starts; after that it is a no-show");
        }
        if (present.contains(member) || onLeave.contains(member)) {
            throw new DomainException(ErrorCode.SESSION_ALREADY_RECORDED, "the member's place is settled already");
        }
        if (!booked.contains(member)) {
            throw new DomainException(ErrorCode.NOT_BOOKED, "the member has no place to take leave from", "member");
        }
        apply(new SessionLeaveRecordedEvent(id, command.member(), start, command.by(), command.at()));
        promoteFirstWaiting(command.by(), command.at());
    }

    @CommandHandler
    void handle(RecordSessionHeadCountCommand command) {
        requireNotCancelled();
        if (command.at().isBefore(start)) {
            throw new DomainException(ErrorCode.SESSION_NOT_STARTED, "children are counted once the class started");
        }
        if (command.count() < 0 || command.count() > Room.MAX_CAPACITY) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a head-count is 0 to " + Room.MAX_CAPACITY,
                    "count");
        }
        apply(new SessionHeadCountRecordedEvent(id, command.count(), command.teacher(), booked.size(), present.size(),
                onLeave.size(), waiting.size(), walkIns.size(), command.count() != present.size(), command.by(),
                command.at()));
    }

    /**
     * After the end: each booked member who neither came nor took leave is a no-show. A deadline made stale by a
     * move (its end is no longer the session's) or a cancellation does nothing; so does a second firing.
     */
    @DeadlineHandler(deadlineName = SETTLEMENT_DEADLINE)
    void settle(SettlementDue due) {
        if (cancelled || settled || !due.end().equals(end)) {
            return;
        }
        for (String member : List.copyOf(booked)) {
            if (!present.contains(member) && !onLeave.contains(member) && !noShows.contains(member)) {
                apply(new SessionNoShowRecordedEvent(id, MemberId.of(member), start, end));
            }
        }
    }

    /** The payload of the settlement deadline: the end it was scheduled for. */
    record SettlementDue(Instant end) {
    }

    /** The settlement deadline's events are the system's doing, not that of whoever scheduled or moved the session. */
    private static void scheduleSettlement(DeadlineManager deadlines, CentreId centre, Instant end) {
        MetaData metaData = MetaData.with(MetaDataKeys.USER, SYSTEM_USER).and(MetaDataKeys.CENTRE, centre.value());
        deadlines.schedule(end, SETTLEMENT_DEADLINE, new GenericMessage<>(
                IdentifierFactory.getInstance().generateIdentifier(), new SettlementDue(end), metaData));
    }

    private void promoteFirstWaiting(StaffId by, Instant at) {
        if (!waiting.isEmpty()) {
            apply(new WaitlistPromotedEvent(id, MemberId.of(waiting.get(0)), start, credits, by, at));
        }
    }

    // ---------------------------------------------------------------- rules

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

    private void requireBookable(Instant at) {
        requireNotCancelled();
        requireNotStarted(at);
        if (kind == SessionKind.PARTY) {
            throw new DomainException(ErrorCode.NOT_A_CLASS, "a party is not booked by members");
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

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(SessionScheduledEvent event) {
        id = event.sessionId();
        centre = event.centre();
        kind = event.kind();
        room = event.room();
        teacher = event.teacher();
        start = event.start();
        end = event.end();
        places = event.places();
        credits = event.credits();
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

    @EventSourcingHandler
    void on(SessionBookedEvent event) {
        booked.add(event.member().value());
    }

    @EventSourcingHandler
    void on(MemberWaitlistedEvent event) {
        waiting.add(event.member().value());
    }

    @EventSourcingHandler
    void on(BookingCancelledEvent event) {
        if (event.waiting()) {
            waiting.remove(event.member().value());
        } else {
            booked.remove(event.member().value());
        }
    }

    @EventSourcingHandler
    void on(WaitlistPromotedEvent event) {
        waiting.remove(event.member().value());
        booked.add(event.member().value());
    }

    @EventSourcingHandler
    void on(SessionCheckInRecordedEvent event) {
        booked.add(event.member().value());
        present.add(event.member().value());
        if (event.walkIn()) {
            walkIns.add(event.member().value());
        }
    }

    @EventSourcingHandler
    void on(SessionLeaveRecordedEvent event) {
        onLeave.add(event.member().value());
        booked.remove(event.member().value());
    }

    @EventSourcingHandler
    void on(SessionNoShowRecordedEvent event) {
        noShows.add(event.member().value());
        settled = true;
    }
}
