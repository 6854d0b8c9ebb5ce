package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MembershipExtension;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The member was unfrozen after {@code frozenDays} (started days since {@code frozenAt}); the time memberships
 * running at the freeze now end later, as {@code extensions} say.
 */
@Revision("1")
public record MemberUnfrozenEvent(MemberId memberId, Instant frozenAt, int frozenDays,
                                  List<MembershipExtension> extensions, StaffId unfrozenBy, Instant at) {

    public MemberUnfrozenEvent {
        extensions = List.copyOf(extensions);
    }
}
