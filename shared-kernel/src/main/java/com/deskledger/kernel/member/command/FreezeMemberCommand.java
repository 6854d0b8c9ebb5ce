package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Freeze the member's packages (停卡): no check-in until unfrozen. */
public record FreezeMemberCommand(@TargetAggregateIdentifier MemberId memberId, String reason, StaffId frozenBy,
                                  Instant at) {

    @Override
    public String toString() {
        return "FreezeMemberCommand[memberId=" + memberId + ", reason hidden]";
    }
}
