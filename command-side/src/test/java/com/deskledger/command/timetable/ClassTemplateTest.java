package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.SessionId;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.timetable.template.command.CreateClassTemplateCommand;
import com.deskledger.kernel.timetable.template.command.SkipTemplateOccurrenceCommand;
import com.deskledger.kernel.timetable.template.event.ClassTemplateCreatedEvent;
import com.deskledger.kernel.timetable.template.event.TemplateOccurrenceSkippedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;
import static org.assertj.core.api.Assertions.assertThat;

class ClassTemplateTest {

    private static final TemplateId TEMPLATE = TemplateId.random();
    private static final CentreId CENTRE = CentreId.of("main");
    private static final RoomId ROOM = RoomId.random();
    private static final StaffId SUPERVISOR = StaffId.of("supervisor");
    private static final Set<DayOfWeek> TUE_THU = Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-14");
    private static final Instant NOW = Instant.parse("2026-12-14T01:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Occurrence TUESDAY = new Occurrence(SessionId.random(),
            Instant.parse("2026-12-15T09:00:00Z"), Instant.parse("2026-12-15T09:50:00Z"));
    private static final Occurrence THURSDAY = new Occurrence(SessionId.random(),
            Instant.parse("2026-12-17T09:00:00Z"), Instant.parse("2026-12-17T09:50:00Z"));

    private FixtureConfiguration<ClassTemplate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClassTemplate.class);
    }

    private static CreateClassTemplateCommand create(Set<DayOfWeek> days, int minutes, int places, int credits,
                                                     LocalDate until, List<Occurrence> occurrences) {
        return new CreateClassTemplateCommand(TEMPLATE, CENTRE, "Phonics A", days, FIVE_PM, minutes, ROOM, "Room 2",
                12, "Li", places, credits, MONDAY, until, occurrences, SUPERVISOR, NOW);
    }

    private static ClassTemplateCreatedEvent created() {
        return new ClassTemplateCreatedEvent(TEMPLATE, CENTRE, "Phonics A", TUE_THU, FIVE_PM, 50, ROOM, "Room 2", 12,
                "Li", 12, 1, MONDAY, null, List.of(TUESDAY, THURSDAY), SUPERVISOR, NOW);
    }

    @Test
    void makesAWeeklyTemplateWithTheSessionsItGenerates() {
        fixture.givenNoPriorActivity()
                .when(create(TUE_THU, 50, 12, 1, null, List.of(TUESDAY, THURSDAY)))
                .expectEvents(created());
    }

    @Test
    void rejectsATemplateWithoutDays() {
        fixture.givenNoPriorActivity()
                .when(create(Set.of(), 50, 12, 1, null, List.of(TUESDAY)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.TEMPLATE_INVALID));
    }

    @Test
    void rejectsAClassOfNoMinutesOrLongerThanTwelveHours() {
        fixture.givenNoPriorActivity()
                .when(create(TUE_THU, 0, 12, 1, null, List.of(TUESDAY)))
                .expectException(hasCode(ErrorCode.TEMPLATE_INVALID));
        new AggregateTestFixture<>(ClassTemplate.class).givenNoPriorActivity()
                .when(create(TUE_THU, 721, 12, 1, null, List.of(TUESDAY)))
                .expectException(hasCode(ErrorCode.TEMPLATE_INVALID));
        new AggregateTestFixture<>(ClassTemplate.class).givenNoPriorActivity()
                .when(create(TUE_THU, 720, 12, 1, null, List.of(TUESDAY)))
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(ClassTemplate.class).givenNoPriorActivity()
                .when(create(TUE_THU, 1, 12, 1, null, List.of(TUESDAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsMorePlacesThanTheRoomHolds() {
        fixture.givenNoPriorActivity()
                .when(create(TUE_THU, 50, 13, 1, null, List.of(TUESDAY)))
                .expectException(hasCode(ErrorCode.ROOM_TOO_SMALL));
    }

    @Test
    void rejectsCreditsOutOfRange() {
        fixture.givenNoPriorActivity()
                .when(create(TUE_THU, 50, 12, 2, null, List.of(TUESDAY)))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsALastDayBeforeTheFirstButTakesTheSameDay() {
        fixture.givenNoPriorActivity()
                .when(create(TUE_THU, 50, 12, 1, MONDAY.minusDays(1), List.of(TUESDAY)))
                .expectException(hasCode(ErrorCode.TEMPLATE_INVALID));
        new AggregateTestFixture<>(ClassTemplate.class).givenNoPriorActivity()
                .when(create(TUE_THU, 50, 12, 1, MONDAY, List.of(TUESDAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsATemplateThatGeneratesNoSession() {
        fixture.givenNoPriorActivity()
                .when(create(TUE_THU, 50, 12, 1, null, List.of()))
                .expectException(hasCode(ErrorCode.TEMPLATE_HAS_NO_SESSIONS));
    }

    @Test
    void recordsAnOccurrenceSkippedOnceOnly() {
        fixture.given(created())
                .when(new SkipTemplateOccurrenceCommand(TEMPLATE, CENTRE, TUESDAY.sessionId(), "ROOM_DOUBLE_BOOKED",
                        NOW))
                .expectEvents(new TemplateOccurrenceSkippedEvent(TEMPLATE, TUESDAY.sessionId(), "ROOM_DOUBLE_BOOKED",
                        NOW));
        new AggregateTestFixture<>(ClassTemplate.class)
                .given(created(), new TemplateOccurrenceSkippedEvent(TEMPLATE, TUESDAY.sessionId(),
                        "ROOM_DOUBLE_BOOKED", NOW))
                .when(new SkipTemplateOccurrenceCommand(TEMPLATE, CENTRE, TUESDAY.sessionId(), "ROOM_DOUBLE_BOOKED",
                        NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsSkippingASessionOfAnotherTemplate() {
        fixture.given(created())
                .when(new SkipTemplateOccurrenceCommand(TEMPLATE, CENTRE, SessionId.random(), "ROOM_DOUBLE_BOOKED",
                        NOW))
                .expectException(hasCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void theWeeklyPatternGivesEachChosenDayUpToTheLastDayAfterNow() {
        List<Occurrence> week = WeeklyPattern.occurrences(TUE_THU, FIVE_PM, 50, MONDAY, MONDAY.plusDays(9),
                SHANGHAI, NOW);
        assertThat(week).extracting(Occurrence::start).containsExactly(TUESDAY.start(), THURSDAY.start(),
                Instant.parse("2026-12-22T09:00:00Z"));
        assertThat(week).extracting(Occurrence::end).first().isEqualTo(TUESDAY.end());
        assertThat(week).extracting(Occurrence::sessionId).doesNotHaveDuplicates();
        List<Occurrence> startedAlready = WeeklyPattern.occurrences(TUE_THU, FIVE_PM, 50, MONDAY, MONDAY.plusDays(1),
                SHANGHAI, TUESDAY.start());
        assertThat(startedAlready).isEmpty();
    }
}
