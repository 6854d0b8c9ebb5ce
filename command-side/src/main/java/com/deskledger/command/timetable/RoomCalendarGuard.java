package com.deskledger.command.timetable;

import com.deskledger.kernel.timetable.room.command.AddRoomCommand;
import com.deskledger.kernel.timetable.session.command.BookPartyCommand;
import com.deskledger.kernel.timetable.session.command.MoveSessionCommand;
import com.deskledger.kernel.timetable.session.command.ScheduleSessionCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Checks a room's time (or a room's name) is free inside the command's transaction, before the aggregate appends
 * anything: of two racing requests for one room slot, the second waits for the first's commit on the room's lock
 * and is then refused, leaving no trace in the event store.
 */
@Component
class RoomCalendarGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final RoomCalendar calendar;

    RoomCalendarGuard(RoomCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof ScheduleSessionCommand schedule) {
            calendar.lockAndRequireFree(schedule.room(), schedule.start(), schedule.end(), schedule.sessionId());
        } else if (payload instanceof BookPartyCommand party) {
            calendar.lockAndRequireFree(party.room(), party.start(), party.end(), party.sessionId());
        } else if (payload instanceof MoveSessionCommand move) {
            calendar.lockAndRequireFree(move.room(), move.start(), move.end(), move.sessionId());
        } else if (payload instanceof AddRoomCommand add) {
            calendar.lockAndRequireNameFree(add.centre(), add.name());
        }
        return chain.proceed();
    }
}
