package com.deskledger.kernel.member.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.notice.NoticeChannel;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The guardian's consent to notices changed: given, on {@code channel} at the sealed {@code address}; or withdrawn
 * (channel and address null). Part of the member's contact details: erasing the member makes the address unreadable.
 */
@Revision("1")
public record NoticeConsentChangedEvent(MemberId memberId, boolean consented, NoticeChannel channel, Sealed address,
                                        StaffId changedBy, Instant at) {
}
