package com.deskledger.kernel.timetable.template.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.TemplateId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The template generated its next sessions (the horizon moved on); each occurrence becomes a session as at the
 * template's creation, with the template's room, teacher, places and credits.
 */
@Revision("1")
public record ClassTemplateExtendedEvent(TemplateId templateId, CentreId centre, String name, RoomId room,
                                         String roomName, int roomCapacity, String teacher, int places, int credits,
                                         List<Occurrence> occurrences, StaffId by, Instant at) {

    public ClassTemplateExtendedEvent {
        occurrences = List.copyOf(occurrences);
    }
}
