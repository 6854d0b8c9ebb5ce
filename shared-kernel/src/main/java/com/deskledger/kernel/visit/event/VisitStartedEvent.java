package com.deskledger.kernel.visit.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.Purpose;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A visitor walked in or a call was answered after {@code rings} rings (calls only, otherwise null). */
@Revision("1")
public record VisitStartedEvent(VisitId visitId, CentreId centre, Channel channel, Purpose purpose,
                                StaffId receptionist, Integer rings, Instant arrivedAt) implements CentreScoped {
}
