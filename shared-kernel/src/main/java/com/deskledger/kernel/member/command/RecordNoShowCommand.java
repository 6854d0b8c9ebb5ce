package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.AttendancePolicy;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** After a class started, record that the member neither came nor asked leave. */
public record RecordNoShowCommand(@TargetAggregateIdentifier MemberId memberId, ClassSession session,
                                  AttendancePolicy policy, StaffId recordedBy, Instant at) {
}
