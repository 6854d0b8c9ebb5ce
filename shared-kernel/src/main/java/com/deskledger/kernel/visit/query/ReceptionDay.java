package com.deskledger.kernel.visit.query;

import com.deskledger.kernel.visit.Channel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reception figures of one centre on one day.
 *
 * @param byChannel               visits and calls per channel
 * @param byHour                  visits and calls per hour of the day (24 rows, local time)
 * @param callsAnsweredWithinThreeRings calls answered within the standard of three rings
 * @param shareWithinThreeRings   that count over all calls, or null when there were no calls
 * @param averageSecondsToConsultant mean time from arrival to the first consultant assignment, or null
 * @param conversions             visits of the day that led to an enrolment
 * @param undeliveredMessages     messages of the centre still waiting to be delivered, whatever their day
 */
public record ReceptionDay(String centre, LocalDate date, String zone, long total, Map<Channel, Long> byChannel,
                           List<HourCount> byHour, long calls, long callsAnsweredWithinThreeRings,
                           Double shareWithinThreeRings, Double averageSecondsToConsultant, long conversions,
                           long undeliveredMessages) {

    /** Visits and calls that arrived in one hour of the day. */
    public record HourCount(int hour, long visits, long calls) {
    }
}
