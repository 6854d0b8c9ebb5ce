package com.deskledger.query.members;

import com.deskledger.kernel.Money;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.ImportProvenance;
import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.ContactDetailsChangedEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.member.event.MemberFrozenEvent;
import com.deskledger.kernel.member.event.MemberImportedEvent;
import com.deskledger.kernel.member.event.MemberUnfrozenEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.member.event.NoticeConsentChangedEvent;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.member.event.ProductsSoldEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import com.deskledger.kernel.member.event.RefundRejectedEvent;
import com.deskledger.kernel.member.event.RefundRequestedEvent;
import com.deskledger.kernel.visit.event.MemberLinkedEvent;
import com.deskledger.kernel.visit.event.VisitEndedEvent;
import com.deskledger.kernel.visit.event.VisitStartedEvent;
import com.deskledger.query.web.ViewTables;
import com.deskledger.query.web.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds member profiles and customer timelines. Personal values are opened with the member's key when the event
 * is handled; once the key is destroyed they stay unreadable, so a replay after erasure rebuilds the profile
 * without them. Timeline rows are keyed by the member and the event's sequence number and every write sets
 * values, so applying an event twice leaves the same rows; {@link #reset()} clears the view for a replay.
 */
@Component
@ViewTables({"member_profile", "member_package", "member_package_refund", "member_timeline",
    "member_timeline_visit"})
@ProcessingGroup(MembersProjection.PROCESSING_GROUP)
class MembersProjection {

    static final String PROCESSING_GROUP = "members";
    static final String ACTIVE = "ACTIVE";
    static final String FROZEN = "FROZEN";
    static final String ERASED = "ERASED";
    /** What views show in place of an erased member's name. */
    static final String ERASED_NAME = "[erased]";
    static final int MAX_SUMMARY = 500;

    private final JdbcTemplate jdbc;
    private final ViewWrites writes;
    private final PersonalDataVault vault;

    MembersProjection(JdbcTemplate jdbc, ViewWrites writes, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.vault = vault;
    }

    // ---------------------------------------------------------------- member events

    @EventHandler
    void on(MemberEnrolledEvent event, DomainEventMessage<?> message) {
        MemberId member = event.memberId();
        writes.update("""
                insert into member_profile (member_id, centre, kind, name, id_number, guardian_name, guardian_phone,
                    phone, email, status, visit_id, enrolled_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (member_id) do update set centre = excluded.centre, kind = excluded.kind,
                    name = excluded.name, id_number = excluded.id_number, guardian_name = excluded.guardian_name,
                    guardian_phone = excluded.guardian_phone, phone = excluded.phone, email = excluded.email,
                    visit_id = excluded.visit_id, enrolled_at = excluded.enrolled_at""",
                member.value(), event.centre().value(), event.kind().name(), open(member, event.name()),
                open(member, event.idNumber()), open(member, event.guardianName()),
                open(member, event.guardianPhone()), open(member, event.phone()), open(member, event.email()),
                ACTIVE, event.visitId() == null ? null : event.visitId().value(), ts(event.at()));
        String summary = "Enrolled as " + (event.kind() == MemberKind.CHILD ? "a child" : "an adult")
                + " member by " + event.enrolledBy() + (event.visitId() == null ? "" : " after a visit");
        timeline(message, member, event.at(), "ENROLLED", summary, null,
                event.visitId() == null ? null : event.visitId().value(), null);
        if (event.visitId() != null) {
            claimVisit(event.visitId().value(), member.value());
        }
    }

    /**
     * A member brought over from the old system: the profile as for an enrolment (frozen since the import when the
     * old system had them frozen), the package they hold with its credits left, and a first timeline entry that
     * names the import and the file's row. No money moves: the package was paid in the old system.
     */
    @EventHandler
    void on(MemberImportedEvent event, DomainEventMessage<?> message) {
        MemberId member = event.memberId();
        writes.update("""
                insert into member_profile (member_id, centre, kind, name, id_number, guardian_name, guardian_phone,
                    phone, email, status, visit_id, enrolled_at, frozen_since)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)
                on conflict (member_id) do update set centre = excluded.centre, kind = excluded.kind,
                    name = excluded.name, id_number = excluded.id_number, guardian_name = excluded.guardian_name,
                    guardian_phone = excluded.guardian_phone, phone = excluded.phone, email = excluded.email,
                    enrolled_at = excluded.enrolled_at""",
                member.value(), event.centre().value(), event.kind().name(), open(member, event.name()),
                open(member, event.idNumber()), open(member, event.guardianName()),
                open(member, event.guardianPhone()), open(member, event.phone()), open(member, event.email()),
                event.frozen() ? FROZEN : ACTIVE, ts(event.at()), event.frozen() ? ts(event.at()) : null);
        ImportedPackage pkg = event.importedPackage();
        if (pkg != null) {
            writes.update("""
                    insert into member_package (purchase_id, member_id, plan, kind, credits, credits_left, valid_from,
                        valid_until, price_minor, currency, renewal, purchased_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)
                    on conflict (purchase_id) do nothing""",
                    pkg.purchaseId().value(), member.value(), pkg.plan(), pkg.kind().name(), pkg.credits(),
                    pkg.creditsLeft(), tsOrNull(pkg.validFrom()), tsOrNull(pkg.validUntil()), pkg.price().minor(),
                    pkg.price().currency(), ts(pkg.purchasedAt()));
        }
        ImportProvenance from = event.provenance();
        StringBuilder summary = new StringBuilder("Imported by ").append(from.importedBy()).append(" from ")
                .append(from.fileName()).append(", row ").append(from.row()).append(", old member number ")
                .append(from.legacyNumber());
        if (pkg != null) {
            summary.append("; ").append(pkg.plan()).append(": ").append(pkg.kind() == PackageKind.CREDIT_PACK
                    ? pkg.creditsLeft() + " of " + pkg.credits() + " credits left"
                    : "membership " + pkg.validFrom() + " to " + pkg.validUntil());
        }
        if (event.frozen()) {
            summary.append("; frozen").append(event.frozenUntil() == null ? ""
                    : " (until " + event.frozenUntil() + " in the old system)");
        }
        timeline(message, member, event.at(), "IMPORTED", summary.toString(), null, from.importId(), null);
    }

    @EventHandler
    void on(PackagePurchasedEvent event, DomainEventMessage<?> message) {
        writes.update("""
                insert into member_package (purchase_id, member_id, plan, kind, credits, credits_left, valid_from,
                    valid_until, price_minor, currency, renewal, purchased_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (purchase_id) do nothing""",
                event.purchaseId().value(), event.memberId().value(), event.plan(), event.kind().name(),
                event.credits(), event.credits(), tsOrNull(event.validFrom()), tsOrNull(event.validUntil()),
                event.price().minor(), event.price().currency(), event.renewal(), ts(event.at()));
        String what = event.kind() == PackageKind.CREDIT_PACK ? event.credits() + " class credits"
                : "membership " + event.validFrom() + " to " + event.validUntil();
        timeline(message, event.memberId(), event.at(), event.renewal() ? "RENEWAL" : "PACKAGE_PURCHASED",
                event.plan() + ": " + what + ", paid by " + event.paymentMethod()
                        + (event.invoiceNumber() == null ? "" : ", invoice " + event.invoiceNumber())
                        + ", sold by " + event.soldBy(),
                event.price(), event.purchaseId().value(), null);
    }

    @EventHandler
    void on(ProductsSoldEvent event, DomainEventMessage<?> message) {
        String lines = event.lines().stream().map(line -> line.productCode() + " x" + line.quantity())
                .collect(Collectors.joining(", "));
        timeline(message, event.memberId(), event.at(), "PRODUCTS_SOLD",
                lines + ", paid by " + event.paymentMethod()
                        + (event.invoiceNumber() == null ? "" : ", invoice " + event.invoiceNumber())
                        + ", sold by " + event.soldBy(),
                event.total(), event.purchaseId().value(), null);
    }

    @EventHandler
    void on(RefundRequestedEvent event, DomainEventMessage<?> message) {
        timeline(message, event.memberId(), event.at(), "REFUND_REQUESTED",
                "Refund asked by " + event.requestedBy() + ", waiting for a manager's approval", event.amount(),
                event.refundId().value(), open(event.memberId(), event.reason()));
    }

    @EventHandler
    void on(RefundRejectedEvent event, DomainEventMessage<?> message) {
        timeline(message, event.memberId(), event.at(), "REFUND_REJECTED", "Refund turned down by "
                + event.rejectedBy(), event.amount(), event.refundId().value(), open(event.memberId(), event.reason()));
    }

    @EventHandler
    void on(PurchaseRefundedEvent event, DomainEventMessage<?> message) {
        writes.update("""
                insert into member_package_refund (refund_id, purchase_id, amount_minor)
                select ?, purchase_id, ? from member_package where purchase_id = ?
                on conflict (refund_id) do nothing""",
                event.refundId().value(), event.amount().minor(), event.purchaseId().value());
        if (event.creditsLeft() != null) {
            creditsLeft(event.purchaseId(), event.creditsLeft());
        }
        if (event.membershipEndedAt() != null) {
            writes.update("update member_package set valid_until = ? where purchase_id = ?",
                    ts(event.membershipEndedAt()), event.purchaseId().value());
        }
        StringBuilder summary = new StringBuilder("Refund of purchase ").append(event.purchaseId());
        event.lines().forEach(line -> summary.append(", ").append(line.productCode()).append(" x")
                .append(line.quantity()));
        if (event.creditsRevoked() > 0) {
            summary.append(", ").append(event.creditsRevoked()).append(" unused credits taken back");
        }
        summary.append(event.withinCoolingOff() ? ", within seven days"
                : ", approved by " + event.approvedBy());
        timeline(message, event.memberId(), event.at(), "REFUNDED", summary.toString(), event.amount(),
                event.refundId().value(), open(event.memberId(), event.reason()));
    }

    @EventHandler
    void on(ClassCheckedInEvent event, DomainEventMessage<?> message) {
        creditsLeft(event.coveredBy(), event.creditsLeft());
        timeline(message, event.memberId(), event.at(), "CHECKED_IN", session(event.session())
                + (event.creditConsumed() ? ", 1 credit used, " + event.creditsLeft() + " left" : ", membership"),
                null, null, null);
    }

    @EventHandler
    void on(LeaveRequestedEvent event, DomainEventMessage<?> message) {
        if (event.creditConsumed()) {
            creditsLeft(event.chargedTo(), event.creditsLeft());
        }
        timeline(message, event.memberId(), event.at(), event.late() ? "LATE_LEAVE" : "LEAVE",
                session(event.session()) + (event.creditConsumed() ? ", 1 credit used, " + event.creditsLeft()
                        + " left" : ", no credit used"), null, null, open(event.memberId(), event.reason()));
    }

    @EventHandler
    void on(NoShowRecordedEvent event, DomainEventMessage<?> message) {
        if (event.creditConsumed()) {
            creditsLeft(event.chargedTo(), event.creditsLeft());
        }
        timeline(message, event.memberId(), event.at(), "NO_SHOW",
                session(event.session()) + (event.creditConsumed() ? ", 1 credit used, " + event.creditsLeft()
                        + " left" : ", no credit used"), null, null, null);
    }

    @EventHandler
    void on(MemberFrozenEvent event, DomainEventMessage<?> message) {
        writes.update("update member_profile set status = ?, frozen_since = ? where member_id = ? and status <> ?",
                FROZEN, ts(event.at()), event.memberId().value(), ERASED);
        timeline(message, event.memberId(), event.at(), "FROZEN", "Frozen by " + event.frozenBy(), null, null,
                open(event.memberId(), event.reason()));
    }

    @EventHandler
    void on(MemberUnfrozenEvent event, DomainEventMessage<?> message) {
        writes.update("update member_profile set status = ?, frozen_since = null where member_id = ? and status <> ?",
                ACTIVE, event.memberId().value(), ERASED);
        event.extensions().forEach(extension -> writes.update(
                "update member_package set valid_until = ? where purchase_id = ?",
                ts(extension.validUntil()), extension.purchaseId().value()));
        timeline(message, event.memberId(), event.at(), "UNFROZEN", "Unfrozen after " + event.frozenDays()
                + " days; " + event.extensions().size() + " membership(s) extended", null, null, null);
    }

    @EventHandler
    void on(ContactDetailsChangedEvent event, DomainEventMessage<?> message) {
        MemberId member = event.memberId();
        writes.update("""
                update member_profile set phone = coalesce(?, phone), email = coalesce(?, email),
                    guardian_name = coalesce(?, guardian_name), guardian_phone = coalesce(?, guardian_phone)
                where member_id = ? and status <> ?""",
                open(member, event.phone()), open(member, event.email()), open(member, event.guardianName()),
                open(member, event.guardianPhone()), member.value(), ERASED);
        timeline(message, member, event.at(), "CONTACT_CHANGED", "Contact details changed by " + event.changedBy(),
                null, null, null);
    }

    /** The guardian's consent to notices, in the timeline with its channel; the address stays out of the view. */
    @EventHandler
    void on(NoticeConsentChangedEvent event, DomainEventMessage<?> message) {
        timeline(message, event.memberId(), event.at(), event.consented() ? "NOTICES_CONSENTED" : "NOTICES_WITHDRAWN",
                event.consented() ? "Notices to the guardian by " + event.channel() + ", consent recorded by "
                        + event.changedBy() : "Consent to notices withdrawn, recorded by " + event.changedBy(),
                null, null, null);
    }

    @EventHandler
    void on(MemberErasedEvent event, DomainEventMessage<?> message) {
        writes.update("""
                update member_profile set name = null, id_number = null, guardian_name = null, guardian_phone = null,
                    phone = null, email = null, status = ?, frozen_since = null, erased_at = ? where member_id = ?""",
                ERASED, ts(event.at()), event.memberId().value());
        writes.update("update member_timeline set note = null where member_id = ?", event.memberId().value());
        timeline(message, event.memberId(), event.at(), "ERASED", "Personal data erased on request, by "
                + event.erasedBy(), null, null, null);
    }

    // ---------------------------------------------------------------- visits

    @EventHandler
    void on(VisitStartedEvent event) {
        writes.update("""
                insert into member_timeline_visit (visit_id, centre, channel, purpose, arrived_at) values (?, ?, ?, ?, ?)
                on conflict (visit_id) do update set centre = excluded.centre, channel = excluded.channel,
                    purpose = excluded.purpose, arrived_at = excluded.arrived_at""",
                event.visitId().value(), event.centre().value(), event.channel().name(), event.purpose().name(),
                ts(event.arrivedAt()));
        visitEntry(event.visitId().value());
    }

    /**
     * The visit's own link: the member whose timeline shows the visit. An entry a member's enrolment claimed
     * earlier goes, even when the linked member has no profile here to move it to.
     */
    @EventHandler
    void on(MemberLinkedEvent event) {
        String visit = event.visitId().value();
        String member = event.memberId().value();
        writes.update("""
                insert into member_timeline_visit (visit_id, member_id, linked) values (?, ?, true)
                on conflict (visit_id) do update set member_id = excluded.member_id, linked = true""",
                visit, member);
        writes.update("delete from member_timeline where entry_id = 'visit:' || ? and member_id <> ?", visit, member);
        visitEntry(visit);
    }

    @EventHandler
    void on(VisitEndedEvent event) {
        writes.update("update member_timeline_visit set outcome = ? where visit_id = ?", event.outcome().name(),
                event.visitId().value());
        visitEntry(event.visitId().value());
    }

    /**
     * An enrolment that names the visit, linked or not (the visit refuses a second link). Whose timeline shows the
     * visit must not depend on the order the visit's and the members' events arrive in (different aggregates: a
     * replay may see them in another order than the live view did): the visit's own link wins, and among
     * enrolments only, the smallest member id.
     */
    private void claimVisit(String visitId, String memberId) {
        writes.update("""
                insert into member_timeline_visit (visit_id, member_id) values (?, ?)
                on conflict (visit_id) do update set member_id = case when member_timeline_visit.linked
                    then member_timeline_visit.member_id
                    else least(member_timeline_visit.member_id, excluded.member_id) end""", visitId, memberId);
        visitEntry(visitId);
    }

    /**
     * The visit's timeline entry, once the visit is both known and linked to a member of this view: one statement
     * (no read), so it is batched with the others.
     */
    private void visitEntry(String visitId) {
        writes.update("""
                insert into member_timeline (entry_id, member_id, centre, seq, at, kind, summary, reference)
                select 'visit:' || v.visit_id, v.member_id, p.centre, -1, v.arrived_at,
                    case when v.channel = 'CALL_IN' then 'CALL' else 'VISIT' end,
                    case when v.channel = 'CALL_IN' then 'Call' else v.channel || ' visit' end
                        || ', purpose ' || v.purpose || coalesce(', outcome ' || v.outcome, ''),
                    v.visit_id
                from member_timeline_visit v join member_profile p on p.member_id = v.member_id
                where v.visit_id = ? and v.arrived_at is not null
                on conflict (entry_id) do update set member_id = excluded.member_id, at = excluded.at,
                    kind = excluded.kind, summary = excluded.summary""", visitId);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("member_timeline", "member_timeline_visit", "member_package_refund",
                "member_package", "member_profile")) {
            jdbc.update("delete from " + table);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void timeline(DomainEventMessage<?> message, MemberId member, Instant at, String kind, String summary,
                          Money amount, String reference, String note) {
        writes.update("""
                insert into member_timeline (entry_id, member_id, centre, seq, at, kind, summary, amount_minor,
                    currency, reference, note)
                select ?, ?, centre, ?, ?, ?, ?, ?, ?, ?, ? from member_profile where member_id = ?
                on conflict (entry_id) do update set at = excluded.at, kind = excluded.kind,
                    summary = excluded.summary, amount_minor = excluded.amount_minor, currency = excluded.currency,
                    reference = excluded.reference, note = excluded.note""",
                member.value() + ":" + message.getSequenceNumber(), member.value(), message.getSequenceNumber(),
                ts(at), kind, summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary,
                amount == null ? null : amount.minor(),
                amount == null ? null : amount.currency(), reference, note, member.value());
    }

    private void creditsLeft(PurchaseId pack, Integer left) {
        if (pack != null && left != null) {
            writes.update("update member_package set credits_left = ? where purchase_id = ?", left, pack.value());
        }
    }

    private String open(MemberId member, Sealed sealed) {
        return sealed == null ? null : vault.open(member, sealed).orElse(null);
    }

    private static String session(ClassSession session) {
        return session.classCode() + " at " + session.scheduledStart()
                + (session.room() == null ? "" : " in " + session.room());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static Timestamp tsOrNull(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
