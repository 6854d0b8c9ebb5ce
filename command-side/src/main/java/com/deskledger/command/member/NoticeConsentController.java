package com.deskledger.command.member;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.command.ChangeNoticeConsentCommand;
import com.deskledger.kernel.notice.NoticeChannel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The guardian's consent to notices (a contact detail of the member): kept apart from {@link MemberController} so
 * that the notices and the timetable can change the member API side by side.
 */
@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "MemberAccount commands: enrolment, packages, sales, refunds, attendance")
class NoticeConsentController {

    /** Consent to notices on {@code channel} at {@code address}; {@code consented: false} (alone) withdraws it. */
    record NoticeConsent(@NotNull Boolean consented, NoticeChannel channel, @Size(max = 200) String address) {

        @Override
        public String toString() {
            return "NoticeConsent[consented=" + consented + ", channel=" + channel + ", address hidden]";
        }
    }

    private final CommandSender sender;
    private final AggregateDirectory directory;
    private final Clock clock;

    NoticeConsentController(CommandSender sender, AggregateDirectory directory, Clock clock) {
        this.sender = sender;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/{id}/notice-consent")
    @Operation(summary = "The guardian consents to notices on a channel (SMS, WECHAT, EMAIL) at an address, or "
            + "withdraws consent; no notice is ever written without it")
    ResponseEntity<CommandAccepted> change(@PathVariable String id, @Valid @RequestBody NoticeConsent request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        MemberId member = member(id);
        return CommandResponses.ok(sender.send(new ChangeNoticeConsentCommand(member, request.consented(),
                request.channel(), request.address(), actor.user(), clock.instant()), member.value()));
    }

    private MemberId member(String raw) {
        MemberId member;
        try {
            member = MemberId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member");
        }
        if (directory.centreOf(member.value(), MemberController.AGGREGATE_TYPE).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such member");
        }
        return member;
    }
}
