package com.deskledger.kernel.complaint.query;

import java.util.List;

/**
 * One complaint in full: its row, description, the visit it came from, business seconds to the first response and
 * to the first resolution, whether each clock breached, its resolutions and its timeline, oldest first. The
 * description, the resolutions' summaries and the free text in the timeline are personal data: null (left out) for
 * roles that do not see it, {@code [erased]} once the member who complained is erased.
 */
public record ComplaintDetail(ComplaintRow complaint, String description, String visitId,
                              Long firstResponseBusinessSeconds, Long firstResolutionBusinessSeconds,
                              boolean firstResponseBreached, boolean resolutionBreached,
                              List<ResolutionRow> resolutions, List<TimelineEntry> timeline) {

    public ComplaintDetail {
        resolutions = List.copyOf(resolutions);
        timeline = List.copyOf(timeline);
    }
}
