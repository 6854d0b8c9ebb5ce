package com.deskledger.kernel.member.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member was enrolled. Personal values are sealed (null when not given); {@code visitId} is the visit that led
 * to the enrolment, if any; every amount of this member is in {@code currency}.
 */
@Revision("1")
public record MemberEnrolledEvent(MemberId memberId, CentreId centre, MemberKind kind, Sealed name, Sealed idNumber,
                                  Sealed guardianName, Sealed guardianPhone, Sealed phone, Sealed email,
                                  VisitId visitId, String currency, StaffId enrolledBy, Instant at)
        implements CentreScoped {
}
