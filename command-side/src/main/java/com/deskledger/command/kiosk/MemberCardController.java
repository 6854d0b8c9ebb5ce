package com.deskledger.command.kiosk;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.member.MemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The desk (RECEPTIONIST and above, of the member's centre) issues and revokes a member's card for the kiosk. The
 * token is answered once, at issue, to be printed as the card's QR code; only its hash is kept.
 */
@RestController
@RequestMapping("/api/members/{id}/card")
@Tag(name = "Members", description = "MemberAccount commands: enrolment, packages, sales, refunds, attendance")
class MemberCardController {

    private static final String MEMBER_TYPE = "MemberAccount";

    /** The new card: the token to print (never shown again). */
    record CardIssued(String memberId, String token) {

        @Override
        public String toString() {
            return "CardIssued[memberId=" + memberId + ", token hidden]";
        }
    }

    private final MemberCards cards;
    private final AggregateDirectory directory;
    private final Clock clock;

    MemberCardController(MemberCards cards, AggregateDirectory directory, Clock clock) {
        this.cards = cards;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Issue the member's card (re-issuing replaces it: the old token is refused from then on); "
            + "answers the opaque token once, for the card's QR code")
    ResponseEntity<CardIssued> issue(@PathVariable String id, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                     HttpServletRequest request) {
        MemberId member = member(id);
        CentreId centre = centreOf(member, actor);
        String token = cards.issue(member, centre, actor.user(), clock.instant(), correlation(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CardIssued(member.value(), token));
    }

    @PostMapping("/revocation")
    @Operation(summary = "Revoke the member's card: its token is refused from then on; 404 CARD_NOT_FOUND without one")
    ResponseEntity<Void> revoke(@PathVariable String id, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                HttpServletRequest request) {
        MemberId member = member(id);
        CentreId centre = centreOf(member, actor);
        if (!cards.revoke(member, centre, actor.user(), clock.instant(), correlation(request))) {
            throw new DomainException(ErrorCode.CARD_NOT_FOUND, "the member has no card");
        }
        return ResponseEntity.noContent().build();
    }

    private static MemberId member(String raw) {
        try {
            return MemberId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member");
        }
    }

    private CentreId centreOf(MemberId member, Actor actor) {
        CentreId centre = directory.centreOf(member.value(), MEMBER_TYPE)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such member"));
        actor.requireCentre(centre);
        return centre;
    }

    private static String correlation(HttpServletRequest request) {
        Object correlation = request.getAttribute(MetaDataKeys.CORRELATION_ATTRIBUTE);
        return correlation == null ? null : correlation.toString();
    }
}
