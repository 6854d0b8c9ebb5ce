package com.deskledger.kernel.member.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Enrol a member: personal data in plain text (sealed by the aggregate before it reaches an event), the centre,
 * the centre's currency, and the visit that led to the enrolment when there was one.
 */
public record EnrolMemberCommand(@TargetAggregateIdentifier MemberId memberId, CentreId centre, MemberKind kind,
                                 String name, String idNumber, String guardianName, String guardianPhone,
                                 String phone, String email, VisitId visitId, String currency, StaffId enrolledBy,
                                 Instant at) implements CentreScoped {

    @Override
    public String toString() {
        return "EnrolMemberCommand[memberId=" + memberId + ", centre=" + centre + ", personal data hidden]";
    }
}
