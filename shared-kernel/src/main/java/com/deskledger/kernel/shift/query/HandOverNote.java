package com.deskledger.kernel.shift.query;

import java.time.Instant;
import java.time.LocalDate;

/** A hand-over note, with the shift (day, post, staff member) that wrote it. */
public record HandOverNote(String shiftId, LocalDate date, String post, String staff, String note,
                           String writtenBy, Instant writtenAt) {

    @Override
    public String toString() {
        return "HandOverNote[shiftId=" + shiftId + ", writtenAt=" + writtenAt + ", text hidden]";
    }
}
