package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A message was taken for an absent person (the recipient, a member of staff). The caller's call-back number and
 * the content are sealed with the visit's key (revision 2; revision 1 held them in plain text).
 */
@Revision("2")
public record MessageTakenEvent(VisitId visitId, MessageId messageId, String recipient, Sealed callbackNumber,
                                Sealed content, Instant at) {
}
