package com.deskledger.kernel.timetable.template.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.TemplateId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Make a weekly class template ("Phonics A, Tue and Thu 17:00-17:50, room 2, teacher Li, 12 places, 1 credit")
 * with the sessions it generates ahead, worked out before dispatch from the centre's zone and the horizon. */
public record CreateClassTemplateCommand(TemplateId templateId, CentreId centre, String name, Set<DayOfWeek> days,
                                         LocalTime startTime, int minutes, RoomId room, String roomName,
                                         int roomCapacity, String teacher, int places, int credits,
                                         LocalDate from, LocalDate until, List<Occurrence> occurrences,
                                         StaffId by, Instant at) implements CentreScoped {

    public CreateClassTemplateCommand {
        days = Set.copyOf(days);
        occurrences = List.copyOf(occurrences);
    }
}
