package com.deskledger.query.members;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.query.FindMemberQuery;
import com.deskledger.kernel.member.query.FindMemberTimelineQuery;
import com.deskledger.kernel.member.query.FindMembersQuery;
import com.deskledger.kernel.member.query.MemberPage;
import com.deskledger.kernel.member.query.MemberProfile;
import com.deskledger.kernel.member.query.TimelinePage;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import com.deskledger.query.web.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.deskledger.query.web.PersonalDataRule.revealsIdNumber;
import static com.deskledger.query.web.PersonalDataRule.revealsPersonalData;

/**
 * Members and their customer timeline. Desk staff see names and phone numbers in full (they call guardians back);
 * auditors see them masked. ID numbers are shown in full to managers only. Erased members show no personal data.
 */
@RestController
@RequestMapping("/api/views/members")
@Tag(name = "Members view", description = "Member list and profile, and each member's timeline")
class MembersController {

    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;

    private final QueryGateway queries;
    private final ProjectionPositions positions;

    MembersController(QueryGateway queries, ProjectionPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @GetMapping
    @Operation(summary = "Members of one centre, newest first; q matches a name or a phone number")
    ResponseEntity<MemberPage> members(@RequestParam(required = false) CentreId centre,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size,
                                       @Parameter(description = "wait until the view has this event position")
                                       @RequestParam(required = false) Long position,
                                       @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        QueryParams.requirePaging(page, size);
        if (q != null && q.length() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "q is at most 100 characters", "q");
        }
        boolean consistent = awaited(position);
        MemberPage rows = queries.query(new FindMembersQuery(target, q, page, size, revealsPersonalData(actor)),
                MemberPage.class).join();
        return ViewResponses.ok(consistent, rows);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One member's profile and packages with what is left of them")
    ResponseEntity<MemberProfile> member(@PathVariable String id,
                                         @RequestParam(required = false) Long position,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        boolean consistent = awaited(position);
        MemberProfile profile = queries.query(new FindMemberQuery(id, revealsPersonalData(actor),
                        revealsIdNumber(actor)), ResponseTypes.optionalInstanceOf(MemberProfile.class)).join()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member"));
        actor.requireCentre(CentreId.of(profile.centre()));
        return ViewResponses.ok(consistent, profile);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The customer timeline: visits, calls, purchases, refunds and classes, newest first")
    ResponseEntity<TimelinePage> timeline(@PathVariable String id,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        QueryParams.requirePaging(page, size);
        boolean consistent = awaited(position);
        TimelinePage timeline = queries.query(new FindMemberTimelineQuery(id, page, size,
                        revealsPersonalData(actor)), ResponseTypes.optionalInstanceOf(TimelinePage.class)).join()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member"));
        actor.requireCentre(CentreId.of(timeline.centre()));
        return ViewResponses.ok(consistent, timeline);
    }

    private boolean awaited(Long position) {
        return position == null || positions.await(MembersProjection.PROCESSING_GROUP, position);
    }
}
