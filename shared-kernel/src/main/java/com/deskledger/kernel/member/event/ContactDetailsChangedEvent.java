package com.deskledger.kernel.member.event;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Contact details changed; each sealed field is the new value, null when that field did not change. */
@Revision("1")
public record ContactDetailsChangedEvent(MemberId memberId, Sealed phone, Sealed email, Sealed guardianName,
                                         Sealed guardianPhone, StaffId changedBy, Instant at) {
}
