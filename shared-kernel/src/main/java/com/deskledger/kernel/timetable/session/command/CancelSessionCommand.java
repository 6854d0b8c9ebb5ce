package com.deskledger.kernel.timetable.session.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.timetable.SessionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a session that has not started; its room time is freed. */
public record CancelSessionCommand(@TargetAggregateIdentifier SessionId sessionId, String reason, StaffId by,
                                   Instant at) {

    @Override
    public String toString() {
        return "CancelSessionCommand[sessionId=" + sessionId + ", reason hidden]";
    }
}
