package com.deskledger.query.audit;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.audit.query.AggregateHistory;
import com.deskledger.kernel.audit.query.FindAggregateEventsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

/** Auditors' and managers' view of an aggregate's full history, with who did what, where and why. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Full history of an aggregate from the event store")
class AuditController {

    /** Path segment to aggregate type. */
    private static final Map<String, String> AGGREGATES = Map.of(
            "visits", "VisitorSession",
            "complaints", "ComplaintCase",
            "shifts", "Shift",
            "members", "MemberAccount");

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{kind}/{id}/events")
    @Operation(summary = "Every event of one aggregate in order, with type, sequence, time and metadata")
    @SuppressWarnings("unchecked")
    AggregateHistory events(@PathVariable String kind, @PathVariable String id,
                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        String type = AGGREGATES.get(kind);
        if (type == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such kind of aggregate");
        }
        Optional<AggregateHistory> found = queries.query(new FindAggregateEventsQuery(type, id),
                ResponseTypes.optionalInstanceOf(AggregateHistory.class)).join();
        AggregateHistory history = found.orElseThrow(
                () -> new DomainException(ErrorCode.NOT_FOUND, "no such aggregate"));
        if (history.centre() != null) {
            actor.requireCentre(CentreId.of(history.centre()));
        }
        return history;
    }
}
