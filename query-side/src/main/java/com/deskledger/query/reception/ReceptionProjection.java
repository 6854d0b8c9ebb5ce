package com.deskledger.query.reception;

import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.event.CallTransferredEvent;
import com.deskledger.kernel.visit.event.ConsultantAssignedEvent;
import com.deskledger.kernel.visit.event.FeedbackRecordedEvent;
import com.deskledger.kernel.visit.event.MemberLinkedEvent;
import com.deskledger.kernel.visit.event.MessageDeliveredEvent;
import com.deskledger.kernel.visit.event.MessageTakenEvent;
import com.deskledger.kernel.visit.event.VisitEndedEvent;
import com.deskledger.kernel.visit.event.VisitStartedEvent;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import com.deskledger.query.web.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the reception view. Every handler sets values rather than adding to them, so applying an event twice
 * leaves the same rows; {@link #reset()} clears the view for a replay.
 */
@Component
@ViewTables({"reception_visit", "reception_message", "reception_visit_member"})
@ProcessingGroup(ReceptionProjection.PROCESSING_GROUP)
class ReceptionProjection {

    static final String PROCESSING_GROUP = "reception";
    /** What a message shows in place of content erased with the member it came from. */
    static final String ERASED = "[erased]";

    private final ReceptionVisitRepository visits;
    private final ReceptionMessageRepository messages;
    private final PersonalDataVault vault;
    private final JdbcTemplate jdbc;

    ReceptionProjection(ReceptionVisitRepository visits, ReceptionMessageRepository messages,
                        PersonalDataVault vault, JdbcTemplate jdbc) {
        this.visits = visits;
        this.messages = messages;
        this.vault = vault;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VisitStartedEvent event) {
        ReceptionVisit visit = visits.findById(event.visitId().value())
                .orElseGet(() -> new ReceptionVisit(event.visitId().value()));
        visit.centre = event.centre().value();
        visit.channel = event.channel().name();
        visit.purpose = event.purpose().name();
        visit.receptionist = event.receptionist().value();
        visit.handledBy = event.receptionist().value();
        visit.rings = event.rings();
        visit.arrivedAt = event.arrivedAt();
        visits.save(visit);
    }

    @EventHandler
    void on(VisitorRegisteredEvent event) {
        update(event.visitId().value(), visit -> {
            visit.visitorName = open(event.visitId(), event.visitorName());
            visit.phone = open(event.visitId(), event.phone());
        });
        clearIfErased(event.visitId().value());
    }

    @EventHandler
    void on(ConsultantAssignedEvent event) {
        update(event.visitId().value(), visit -> {
            if (visit.consultantAssignedAt == null || !event.at().isAfter(visit.consultantAssignedAt)) {
                visit.consultantAssignedAt = event.at();
            }
            visit.consultant = event.consultant().value();
            visit.handledBy = event.consultant().value();
        });
    }

    @EventHandler
    void on(CallTransferredEvent event) {
        update(event.visitId().value(), visit -> visit.handledBy = event.to().value());
    }

    @EventHandler
    void on(MemberLinkedEvent event) {
        update(event.visitId().value(), visit -> {
            visit.memberId = event.memberId().value();
            visit.conversion = event.conversion();
        });
        claimedBy(event.visitId().value(), event.memberId().value());
        clearIfErased(event.visitId().value());
    }

    /** A member enrolled from a visit claims it too, even when the visit refused the link (see erasure below). */
    @EventHandler
    void on(MemberEnrolledEvent event) {
        if (event.visitId() != null) {
            claimedBy(event.visitId().value(), event.memberId().value());
            clearIfErased(event.visitId().value());
        }
    }

    private void claimedBy(String visitId, String memberId) {
        jdbc.update("insert into reception_visit_member (visit_id, member_id) values (?, ?) on conflict do nothing",
                visitId, memberId);
    }

    @EventHandler
    void on(FeedbackRecordedEvent event) {
        update(event.visitId().value(), visit -> visit.feedbackScore = event.score());
    }

    @EventHandler
    void on(VisitEndedEvent event) {
        update(event.visitId().value(), visit -> {
            visit.outcome = event.outcome().name();
            visit.endedAt = event.at();
        });
    }

    @EventHandler
    void on(MessageTakenEvent event) {
        ReceptionMessage message = messages.findById(event.messageId().value())
                .orElseGet(() -> new ReceptionMessage(event.messageId().value()));
        message.visitId = event.visitId().value();
        message.centre = visits.findById(event.visitId().value()).map(v -> v.centre).orElseThrow();
        message.recipient = event.recipient();
        message.callbackNumber = open(event.visitId(), event.callbackNumber());
        String content = open(event.visitId(), event.content());
        message.content = content != null ? content : ERASED;
        message.takenAt = event.at();
        messages.save(message);
        clearIfErased(event.visitId().value());
    }

    @EventHandler
    void on(MessageDeliveredEvent event) {
        messages.findById(event.messageId().value()).ifPresent(message -> {
            message.deliveredAt = event.at();
            message.deliveredBy = event.deliveredBy().value();
        });
    }

    /**
     * An erased member's personal data leaves the visits linked to them or that their enrolment named, and those
     * visits' messages, as well: erasure destroys the keys of all of them (command side, {@code member_visit}), so a
     * replay could not open their values either. A visit can be claimed by more than one member (its own link and
     * another member's enrolment); each claim is kept, so the view clears the visit whichever of them is erased,
     * in whatever order the events of the visit and of its members arrived.
     */
    @EventHandler
    void on(MemberErasedEvent event) {
        lockMember(event.memberId().value());
        List<String> claimed = jdbc.queryForList("select visit_id from reception_visit_member where member_id = ?",
                String.class, event.memberId().value());
        visits.findAllById(claimed).forEach(this::clear);
    }

    private void clear(ReceptionVisit visit) {
        visit.visitorName = null;
        visit.phone = null;
        messages.findByVisitId(visit.visitId).forEach(message -> {
            message.callbackNumber = null;
            message.content = ERASED;
        });
    }

    /**
     * With several segments a visit's events and its members' events are applied concurrently, in transactions
     * that cannot see each other: a claim (or a value opened just before the erasure destroyed the visit's key)
     * could commit after the erasure's handler looked, and the visit would keep the name a replay no longer has.
     * Both sides therefore take the member's transaction-scoped advisory lock, and the visit's side checks, under
     * it, whether the erasure destroyed the visit's key already: whichever commits second sees the other.
     */
    private void clearIfErased(String visitId) {
        List<String> members = jdbc.queryForList(
                "select member_id from reception_visit_member where visit_id = ? order by member_id", String.class,
                visitId);
        if (members.isEmpty()) {
            return;
        }
        members.forEach(this::lockMember);
        boolean erased = !jdbc.queryForList("select 1 from personal_key_erased where key_id = ?", Integer.class,
                "visit:" + visitId).isEmpty();
        if (erased) {
            visits.findById(visitId).ifPresent(this::clear);
        }
    }

    private void lockMember(String memberId) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "reception-member:" + memberId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from reception_visit_member");
        messages.deleteAllInBatch();
        visits.deleteAllInBatch();
    }

    /** A sealed value in plain text, or null once the visit's key was destroyed. */
    private String open(VisitId visit, Sealed sealed) {
        return vault.open(visit, sealed).orElse(null);
    }

    private void update(String visitId, Consumer<ReceptionVisit> change) {
        visits.findById(visitId).ifPresent(change);
    }
}
