package com.deskledger.kernel.timetable.template.event;

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
import org.axonframework.serialization.Revision;

/** A weekly class template was made; each of {@code occurrences} becomes a session of the timetable (the
 * session-generation saga schedules them), or is skipped with a reason. */
@Revision("1")
public record ClassTemplateCreatedEvent(TemplateId templateId, CentreId centre, String name, Set<DayOfWeek> days,
                                        LocalTime startTime, int minutes, RoomId room, String roomName,
                                        int roomCapacity, String teacher, int places, int credits,
                                        LocalDate from, LocalDate until, List<Occurrence> occurrences,
                                        StaffId by, Instant at) implements CentreScoped {

    public ClassTemplateCreatedEvent {
        days = Set.copyOf(days);
        occurrences = List.copyOf(occurrences);
    }
}
