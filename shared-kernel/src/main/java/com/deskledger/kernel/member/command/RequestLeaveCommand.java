package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.AttendancePolicy;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The member asks leave (请假) from a class session, under the centre's attendance policy. */
public record RequestLeaveCommand(@TargetAggregateIdentifier MemberId memberId, ClassSession session, String reason,
                                  AttendancePolicy policy, StaffId recordedBy, Instant at) {

    @Override
    public String toString() {
        return "RequestLeaveCommand[memberId=" + memberId + ", session=" + session + ", reason hidden]";
    }
}
