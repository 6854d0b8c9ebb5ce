package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import java.time.Instant;
import java.util.List;

/**
 * Per class template over a period of ended sessions: sessions, places offered, places booked and the
 * occupancy (booked / places), members who waited (waitlist demand), no-shows and the no-show rate (no-shows over
 * booked places that were settled).
 */
public record TemplateStats(CentreId centre, Instant from, Instant to, List<Row> templates) {

    /** One template's figures; rates are null when there is nothing to divide by. */
    public record Row(String templateId, String title, int sessions, int places, int booked, Double occupancy,
                      int waited, int noShows, Double noShowRate, int headCountMismatches) {
    }
}
