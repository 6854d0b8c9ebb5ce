package com.deskledger.command.timetable;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.room.command.AddRoomCommand;
import com.deskledger.kernel.timetable.room.event.RoomAddedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A room of a centre (classroom, party room, hall) with its capacity; its time is kept in the room calendar. */
@Aggregate
class Room {

    static final int MAX_CAPACITY = 500;

    @AggregateIdentifier
    private RoomId id;
    private int capacity;

    Room() {
        // for Axon
    }

    @CommandHandler
    Room(AddRoomCommand command) {
        if (command.capacity() < 1 || command.capacity() > MAX_CAPACITY) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a room holds 1 to " + MAX_CAPACITY + " people",
                    "capacity");
        }
        apply(new RoomAddedEvent(command.roomId(), command.centre(), command.name(), command.kind(),
                command.capacity(), command.by(), command.at()));
    }

    @EventSourcingHandler
    void on(RoomAddedEvent event) {
        id = event.roomId();
        capacity = event.capacity();
    }
}
