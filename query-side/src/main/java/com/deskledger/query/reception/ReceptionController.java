package com.deskledger.query.reception;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.visit.query.FindReceptionDayQuery;
import com.deskledger.kernel.visit.query.FindReceptionVisitsQuery;
import com.deskledger.kernel.visit.query.FindUndeliveredMessagesQuery;
import com.deskledger.kernel.visit.query.MessagePage;
import com.deskledger.kernel.visit.query.ReceptionDay;
import com.deskledger.kernel.visit.query.VisitPage;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import com.deskledger.query.web.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

import static com.deskledger.query.web.PersonalDataRule.revealsPersonalData;

/**
 * The reception view. {@code position} (from a command's answer) makes the query wait, at most a couple of
 * seconds, until the view has that event; the header {@code X-DeskLedger-Consistent} says whether it has.
 */
@RestController
@RequestMapping("/api/views/reception")
@Tag(name = "Reception view", description = "Visits and calls by channel and hour, rings, messages, conversions")
class ReceptionController {

    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    ReceptionController(QueryGateway queries, ProjectionPositions positions,
                        CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Reception figures of one centre on one day (centre's time zone)")
    ResponseEntity<ReceptionDay> day(@RequestParam(required = false) CentreId centre,
                                     @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     @Parameter(description = "wait until the view has this event position")
                                     @RequestParam(required = false) Long position,
                                     @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        boolean consistent = awaited(position);
        ReceptionDay day = queries.query(new FindReceptionDayQuery(target, dayOrToday(date, target)),
                ReceptionDay.class).join();
        return ViewResponses.ok(consistent, day);
    }

    @GetMapping("/visits")
    @Operation(summary = "Visits and calls of one centre on one day, newest first, paged")
    ResponseEntity<VisitPage> visits(@RequestParam(required = false) CentreId centre,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        QueryParams.requirePaging(page, size);
        boolean consistent = awaited(position);
        VisitPage rows = queries.query(new FindReceptionVisitsQuery(target, dayOrToday(date, target), page,
                size, revealsPersonalData(actor)), VisitPage.class).join();
        return ViewResponses.ok(consistent, rows);
    }

    @GetMapping("/messages")
    @Operation(summary = "Undelivered messages of one centre, oldest first, paged")
    ResponseEntity<MessagePage> messages(@RequestParam(required = false) CentreId centre,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "50") int size,
                                              @RequestParam(required = false) Long position,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        QueryParams.requirePaging(page, size);
        boolean consistent = awaited(position);
        MessagePage rows = queries.query(new FindUndeliveredMessagesQuery(target, page, size,
                revealsPersonalData(actor)), MessagePage.class).join();
        return ViewResponses.ok(consistent, rows);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(ReceptionProjection.PROCESSING_GROUP, position);
    }

    private LocalDate dayOrToday(LocalDate date, CentreId centre) {
        return date != null ? date : LocalDate.now(clock.withZone(centres.zoneOf(centre)));
    }
}
