package com.deskledger.kernel.shift.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.PostCode;
import com.deskledger.kernel.shift.ShiftId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supervisor puts a staff member on a post for one roster day, from {@code plannedStart} to {@code plannedEnd}.
 * The post's name and checklist come from the configuration at the time of scheduling.
 */
public record ScheduleShiftCommand(@TargetAggregateIdentifier ShiftId shiftId, CentreId centre, StaffId staff,
                                   LocalDate date, PostCode post, String postName, List<ChecklistItem> checklist,
                                   Instant plannedStart, Instant plannedEnd, StaffId scheduledBy, Instant at)
        implements CentreScoped {

    public ScheduleShiftCommand {
        checklist = List.copyOf(checklist);
    }
}
