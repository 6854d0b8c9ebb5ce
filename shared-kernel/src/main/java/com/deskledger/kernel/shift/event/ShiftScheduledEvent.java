package com.deskledger.kernel.shift.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.PostCode;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A staff member was put on a post for the roster day {@code date}, planned from {@code plannedStart} to
 * {@code plannedEnd}, with the post's checklist as configured at that moment.
 */
@Revision("1")
public record ShiftScheduledEvent(ShiftId shiftId, CentreId centre, StaffId staff, LocalDate date, PostCode post,
                                  String postName, List<ChecklistItem> checklist, Instant plannedStart,
                                  Instant plannedEnd, StaffId scheduledBy, Instant at) implements CentreScoped {

    public ShiftScheduledEvent {
        checklist = List.copyOf(checklist);
    }
}
