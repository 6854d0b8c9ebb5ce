package com.deskledger.kernel.timetable.query;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.member.MemberId;

import java.time.Instant;
import java.util.Set;

/**
 * A member's places in sessions of the given centres (the asker's) not ended at {@code from}: answered with
 * {@link MemberBookings}.
 */
public record FindMemberBookingsQuery(MemberId member, Set<CentreId> centres, Instant from) {

    public FindMemberBookingsQuery {
        centres = Set.copyOf(centres);
    }
}
