package com.deskledger.command.shift;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.FreeText;
import com.deskledger.kernel.NotPersonal;
import com.deskledger.kernel.shift.ClockPunch;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Request bodies of the shift API. */
final class ShiftRequests {

    private ShiftRequests() {
    }

    /**
     * {@code centre} may be left out by users of one centre; {@code start} and {@code end} are local times in the
     * centre's time zone (an end not after the start is on the next day) and default to the post's.
     */
    record Schedule(CentreId centre, @NotBlank @Size(max = 100) String staff, @NotNull LocalDate date,
                    @NotBlank @Size(max = 40) String post, LocalTime start, LocalTime end) {
    }

    record Reassign(@NotBlank @Size(max = 100) String staff, @Size(max = 500) @FreeText @NotPersonal String reason) {

        @Override
        public String toString() {
            return "Reassign[staff=" + staff + ", reason hidden]";
        }
    }

    record Cancel(@Size(max = 500) @FreeText @NotPersonal String reason) {

        @Override
        public String toString() {
            return "Cancel[reason hidden]";
        }
    }

    /** {@code at} (supervisors only) records a clock time other than now, e.g. from the paper sign-in sheet. */
    record Clock(Instant at) {
    }

    record Correction(@NotNull ClockPunch punch, @NotNull Instant time,
                      @NotBlank @Size(max = 500) @FreeText @NotPersonal String reason) {

        @Override
        public String toString() {
            return "Correction[punch=" + punch + ", time=" + time + ", reason hidden]";
        }
    }

    record HeadCount(@NotBlank @Size(max = 64) String classId,
                     @NotBlank @Size(max = 100) @NotPersonal String className,
                     @NotNull Instant scheduledStart, @NotBlank @Size(max = 40) String room,
                     @NotNull @Min(0) @Max(999) Integer count, @Size(max = 100) String teacher) {
    }

    record HandOver(@NotBlank @Size(max = 2000) @FreeText @NotPersonal String note) {

        @Override
        public String toString() {
            return "HandOver[text hidden]";
        }
    }
}
