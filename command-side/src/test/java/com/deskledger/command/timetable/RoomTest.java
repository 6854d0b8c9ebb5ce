package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.RoomKind;
import com.deskledger.kernel.timetable.room.command.AddRoomCommand;
import com.deskledger.kernel.timetable.room.event.RoomAddedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

class RoomTest {

    private static final RoomId ROOM = RoomId.random();
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId SUPERVISOR = StaffId.of("supervisor");
    private static final Instant NOW = Instant.parse("2026-12-14T01:00:00Z");

    private static AddRoomCommand add(int capacity) {
        return new AddRoomCommand(ROOM, CENTRE, "Party room", RoomKind.PARTY_ROOM, capacity, SUPERVISOR, NOW);
    }

    @Test
    void addsARoomWithItsKindAndCapacity() {
        new AggregateTestFixture<>(Room.class).givenNoPriorActivity()
                .when(add(20))
                .expectEvents(new RoomAddedEvent(ROOM, CENTRE, "Party room", RoomKind.PARTY_ROOM, 20, SUPERVISOR,
                        NOW));
    }

    @Test
    void rejectsARoomForNobodyOrMoreThanFiveHundred() {
        new AggregateTestFixture<>(Room.class).givenNoPriorActivity().when(add(0))
                .expectNoEvents().expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        new AggregateTestFixture<>(Room.class).givenNoPriorActivity().when(add(501))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        new AggregateTestFixture<>(Room.class).givenNoPriorActivity().when(add(1))
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(Room.class).givenNoPriorActivity().when(add(500))
                .expectSuccessfulHandlerExecution();
    }
}
