package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import java.time.Instant;

/**
 * Per class template, over the sessions that ended between {@code from} and {@code to}: occupancy, waitlist
 * demand and no-show rate ({@link TemplateStats}).
 */
public record FindTemplateStatsQuery(CentreId centre, Instant from, Instant to) {
}
