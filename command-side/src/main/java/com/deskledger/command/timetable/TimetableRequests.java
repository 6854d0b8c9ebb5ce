package com.deskledger.command.timetable;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.FreeText;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.timetable.RoomKind;
import com.deskledger.kernel.timetable.SessionKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** Request bodies of the timetable API. {@code centre} may be left out by users of one centre. */
final class TimetableRequests {

    private TimetableRequests() {
    }

    record AddRoom(CentreId centre, @NotBlank @Size(max = 50) String name, @NotNull RoomKind kind,
                   @NotNull @Min(1) @Max(Room.MAX_CAPACITY) Integer capacity) {
    }

    /**
     * A weekly class: on {@code days} at {@code start} (local time of the centre) for {@code minutes}, from
     * {@code from} (default today) until {@code until} (optional last day; the horizon bounds it anyway).
     */
    record CreateTemplate(CentreId centre, @NotBlank @Size(max = 100) String name,
                          @NotEmpty @Size(max = 7) Set<@NotNull DayOfWeek> days, @NotNull LocalTime start,
                          @NotNull @Min(1) @Max(ClassTemplate.LONGEST_CLASS_MINUTES) Integer minutes,
                          @NotBlank @Size(max = 64) String room, @Size(max = 100) String teacher,
                          @NotNull @Min(1) @Max(Room.MAX_CAPACITY) Integer places,
                          @NotNull @Min(0) @Max(ClassSession.MAX_CREDITS) Integer credits, LocalDate from,
                          LocalDate until) {
    }

    /** A single session: a class of its own or a monthly or theme event ({@code kind} CLASS or EVENT). */
    record ScheduleSession(CentreId centre, @NotNull SessionKind kind, @NotBlank @Size(max = 100) String title,
                           @NotBlank @Size(max = 64) String room, @Size(max = 100) String teacher,
                           @NotNull Instant start, @NotNull Instant end,
                           @NotNull @Min(1) @Max(Room.MAX_CAPACITY) Integer places,
                           @NotNull @Min(0) @Max(ClassSession.MAX_CREDITS) Integer credits) {
    }

    /** An amount in minor units; the currency defaults to the centre's. */
    record Amount(@NotNull @PositiveOrZero Long minor, @Size(max = 3) @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    /**
     * A birthday party in a room from {@code start} to {@code end}: the package, its price and the deposit taken now
     * from the guardian (a member of the centre), the number of children.
     */
    record Party(CentreId centre, @NotBlank @Size(max = 64) String room, @NotNull Instant start, @NotNull Instant end,
                 @NotBlank @Size(max = 64) String guardian, @NotNull @Min(1) @Max(Room.MAX_CAPACITY) Integer children,
                 @NotBlank @Size(max = 100) String packageName, @NotNull @Valid Amount price,
                 @NotNull @Valid Amount deposit, @NotNull PaymentMethod paymentMethod) {
    }

    /** A new time and/or room; {@code room} left out keeps the room. */
    record Move(@Size(max = 64) String room, @NotNull Instant start, @NotNull Instant end) {
    }

    record Substitute(@NotBlank @Size(max = 100) String teacher) {
    }

    /** A member named in a request about a session (booking, check-in, leave). */
    record MemberRef(@NotBlank @Size(max = 64) String memberId) {
    }

    /** The teacher's head-count of the children in the room. */
    record HeadCount(@NotNull @Min(0) @Max(Room.MAX_CAPACITY) Integer count, @Size(max = 100) String teacher) {
    }

    record Cancel(@Size(max = 500) @FreeText String reason) {

        @Override
        public String toString() {
            return "Cancel[reason hidden]";
        }
    }
}
