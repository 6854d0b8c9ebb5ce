package com.deskledger.query.audit;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.audit.AggregateKinds;
import com.deskledger.kernel.audit.query.AggregateHistory;
import com.deskledger.kernel.audit.query.AuditEventPage;
import com.deskledger.kernel.audit.query.AuditEventRow;
import com.deskledger.kernel.audit.query.FindAggregateEventsQuery;
import com.deskledger.kernel.audit.query.SearchAuditEventsQuery;
import com.deskledger.query.web.PersonalDataRule;
import com.deskledger.query.web.QueryParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Auditors' and managers' trail: one aggregate's full history, and search and export over every event. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Full history of an aggregate, search and export of every event")
class AuditController {

    private static final String CSV_HEADER = "globalIndex,occurredAt,type,aggregateType,aggregateId,sequence,actor,"
            + "roles,centre,correlationId,causationId,clientAddress,eventId";

    private final QueryGateway queries;
    private final AuditLogReader exports;
    private final ObjectMapper json;

    AuditController(QueryGateway queries, AuditLogReader exports, ObjectMapper json) {
        this.queries = queries;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/{kind}/{id}/events")
    @Operation(summary = "Every event of one aggregate in order, with type, sequence, time and metadata")
    AggregateHistory events(@PathVariable String kind, @PathVariable String id,
                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        String type = AggregateKinds.typeOf(kind)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such kind of aggregate"));
        Optional<AggregateHistory> found = queries.query(new FindAggregateEventsQuery(type, id,
                        PersonalDataRule.revealsPersonalData(actor)),
                ResponseTypes.optionalInstanceOf(AggregateHistory.class)).join();
        AggregateHistory history = found.orElseThrow(
                () -> new DomainException(ErrorCode.NOT_FOUND, "no such aggregate"));
        if (history.centre() != null) {
            actor.requireCentre(CentreId.of(history.centre()));
        }
        return history;
    }

    @GetMapping("/events")
    @Operation(summary = "Search every event, newest first; page on with before=<next>")
    AuditEventPage search(@RequestParam(required = false) String actor,
                          @RequestParam(required = false) CentreId centre,
                          @RequestParam(required = false) String type,
                          @RequestParam(required = false) String aggregate,
                          @RequestParam(required = false) String correlationId,
                          @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to,
                          @RequestParam(required = false) Long before,
                          @RequestParam(defaultValue = "50") int size,
                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor asker) {
        QueryParams.requirePaging(0, size);
        return queries.query(new SearchAuditEventsQuery(actor, centres(asker, centre), type, aggregate,
                correlationId, from, to, before, size), AuditEventPage.class).join();
    }

    /**
     * The same selection as a stream, NDJSON or CSV (UTF-8 with a header row). It is read through a database
     * cursor straight into the response, not through the query bus, so its size is bounded by nothing but time.
     */
    @GetMapping("/events/export")
    @Operation(summary = "Export the search's selection as NDJSON (default) or CSV (format=csv), streamed")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) CentreId centre,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String aggregate,
                                                 @RequestParam(required = false) String correlationId,
                                                 @RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to,
                                                 @RequestParam(defaultValue = "ndjson") String format,
                                                 @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor asker) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"ndjson".equalsIgnoreCase(format)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "format is ndjson or csv", "format");
        }
        SearchAuditEventsQuery query = new SearchAuditEventsQuery(actor, centres(asker, centre), type, aggregate,
                correlationId, from, to, null, Integer.MAX_VALUE);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                writer.write('\uFEFF');
                writer.write(CSV_HEADER);
                writer.write("\r\n");
            }
            exports.export(query, row -> {
                try {
                    writer.write(csv ? csvLine(row) : json.writeValueAsString(row) + "\n");
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events." + (csv ? "csv" : "ndjson")
                        + "\"")
                .body(body);
    }

    private static List<String> centres(Actor asker, CentreId centre) {
        if (centre != null) {
            asker.requireCentre(centre);
            return List.of(centre.value());
        }
        return asker.centres().stream().map(CentreId::value).sorted().toList();
    }

    private static String csvLine(AuditEventRow r) {
        return String.join(",", Stream.of(r.globalIndex(), r.occurredAt(), r.type(), r.aggregateType(),
                r.aggregateId(), r.sequence(), r.actor(), r.roles(), r.centre(), r.correlationId(), r.causationId(),
                r.clientAddress(), r.eventId()).map(AuditController::csvField).toList()) + "\r\n";
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
            text = "'" + text; // never let a spreadsheet run a cell as a formula
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
