package com.deskledger.kernel.visit.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.Purpose;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A visitor walks in or a call is answered. {@code rings} is how many rings it took to answer, for calls only.
 */
public record StartVisitCommand(@TargetAggregateIdentifier VisitId visitId, CentreId centre, Channel channel,
                                Purpose purpose, StaffId receptionist, Integer rings, Instant arrivedAt)
        implements CentreScoped {
}
