package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** New contact details; a null field stays as it was. */
public record ChangeContactDetailsCommand(@TargetAggregateIdentifier MemberId memberId, String phone, String email,
                                          String guardianName, String guardianPhone, StaffId changedBy,
                                          Instant at) {

    @Override
    public String toString() {
        return "ChangeContactDetailsCommand[memberId=" + memberId + ", personal data hidden]";
    }
}
