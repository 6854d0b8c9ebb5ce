package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.member.AttendancePolicy;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.member.command.HoldCreditCommand;
import com.deskledger.kernel.member.command.RecordNoShowCommand;
import com.deskledger.kernel.member.command.ReleaseCreditCommand;
import com.deskledger.kernel.member.command.RequestLeaveCommand;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.session.command.CancelBookingCommand;
import com.deskledger.kernel.timetable.session.event.BookingCancelledEvent;
import com.deskledger.kernel.timetable.session.event.SessionBookedEvent;
import com.deskledger.kernel.timetable.session.event.SessionCheckInRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionLeaveRecordedEvent;
import com.deskledger.kernel.timetable.session.event.SessionNoShowRecordedEvent;
import com.deskledger.kernel.timetable.session.event.WaitlistPromotedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The event-driven process between a session and its members' accounts: a booking holds the session's credits, a
 * promotion from the waitlist holds them too (or, when the member cannot, gives the place to the next one waiting),
 * a cancelled booking releases them, a check-in consumes them, a leave and a no-show follow the centre's policy.
 * Each step is a command on the member's account, so it is an event in the member's history caused by the session's
 * event (same user and correlation id; a no-show's is {@code system}, from the deadline). Subscribing: it runs in
 * the transaction that appends the session's event, so a booking the member cannot pay for is refused as a whole
 * (422 {@code NO_CREDITS_LEFT}) and nothing is stored. Idempotent on the member's side: a hold is per session, and a
 * release of nothing held or a settled session's second record changes nothing. A session that costs no credit
 * (an open event) leaves the member's account alone; one that costs a credit costs one, as a check-in always has.
 */
@Component
@ProcessingGroup(SessionCredits.PROCESSING_GROUP)
class SessionCredits {

    static final String PROCESSING_GROUP = "session-credits";

    private final CommandGateway commands;
    private final RoomCalendar calendar;
    private final CentreCatalog centres;

    SessionCredits(CommandGateway commands, RoomCalendar calendar, CentreCatalog centres) {
        this.commands = commands;
        this.calendar = calendar;
        this.centres = centres;
    }

    @EventHandler
    void on(SessionBookedEvent event) {
        if (event.credits() == 0) {
            return;
        }
        commands.sendAndWait(new HoldCreditCommand(event.member(), event.sessionId(), event.start(), event.credits(),
                false, event.by(), event.at()));
    }

    @EventHandler
    void on(WaitlistPromotedEvent event) {
        if (event.credits() == 0) {
            return;
        }
        Boolean held = commands.sendAndWait(new HoldCreditCommand(event.member(), event.sessionId(), event.start(),
                event.credits(), true, event.by(), event.at()));
        if (!Boolean.TRUE.equals(held)) {
            commands.sendAndWait(new CancelBookingCommand(event.sessionId(), event.member(), "NO_CREDITS",
                    event.by(), event.at()));
        }
    }

    @EventHandler
    void on(BookingCancelledEvent event) {
        if (!event.waiting()) {
            commands.sendAndWait(new ReleaseCreditCommand(event.member(), event.sessionId(), event.by(),
                    event.at()));
        }
    }

    @EventHandler
    void on(SessionCheckInRecordedEvent event) {
        if (event.credits() == 0) {
            return;
        }
        commands.sendAndWait(new CheckInCommand(event.member(), session(event.sessionId(), event.start()),
                event.by(), event.at()));
    }

    @EventHandler
    void on(SessionLeaveRecordedEvent event) {
        if (free(event.sessionId())) {
            return;
        }
        commands.sendAndWait(new RequestLeaveCommand(event.member(), session(event.sessionId(), event.start()), null,
                policy(event.sessionId()), event.by(), event.at()));
    }

    @EventHandler
    void on(SessionNoShowRecordedEvent event) {
        if (free(event.sessionId())) {
            return;
        }
        commands.sendAndWait(new RecordNoShowCommand(event.member(), session(event.sessionId(), event.start()),
                policy(event.sessionId()), StaffId.of(ClassSession.SYSTEM_USER),
                event.at()));
    }

    /** A session that costs no credit (an open event) leaves the member's account alone. */
    private boolean free(SessionId id) {
        return calendar.credits(id) == 0;
    }

    /** The session as the member's attendance names it: class code = session id, so each session is its own. */
    private com.deskledger.kernel.member.ClassSession session(SessionId id, Instant start) {
        return new com.deskledger.kernel.member.ClassSession(id.value(), start, calendar.roomName(id).orElse(null));
    }

    private AttendancePolicy policy(SessionId id) {
        return centres.attendancePolicyOf(calendar.booking(id).orElseThrow().centre());
    }
}
