package com.deskledger.query.sales;

import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.member.RefundStatus;
import com.deskledger.kernel.member.SaleLine;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberImportedEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.member.event.ProductsSoldEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import com.deskledger.kernel.member.event.RefundRejectedEvent;
import com.deskledger.kernel.member.event.RefundRequestedEvent;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.stock.event.StockSaleCancelledEvent;
import com.deskledger.kernel.stock.event.StockSoldEvent;
import com.deskledger.kernel.visit.event.MemberLinkedEvent;
import com.deskledger.kernel.visit.event.VisitStartedEvent;
import com.deskledger.query.sales.SalesBatch.Sold;
import com.deskledger.query.web.ViewTables;
import com.deskledger.query.web.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the sales view. Every write is an upsert of values carried by the event (credits left, amounts), never
 * an increment, so applying an event twice leaves the same rows; {@link #reset()} clears the view for a replay.
 *
 * <p>Nothing is read per event, so that a processor's batch reaches PostgreSQL in a few JDBC batches: writes go
 * through {@link ViewWrites}, and the two values a handler needs from the view itself (a member's centre; the
 * item, category and payment method of the sale a refund gives back) come from the batch's {@link SalesBatch},
 * which reads them for all of the batch's events in one query each. Only what it does not know (outside a
 * processor's batch, as in a verification's rebuild) is read on its own, once a transaction.
 */
@Component
@ViewTables({"sales_entry", "sales_member", "sales_visit", "sales_credit_pack", "sales_refund_request"})
@ProcessingGroup(SalesProjection.PROCESSING_GROUP)
class SalesProjection {

    static final String PROCESSING_GROUP = "sales";
    static final String SALE = "SALE";
    static final String REFUND = "REFUND";
    static final String PACKAGE = "PACKAGE";
    static final String PRODUCT = "PRODUCT";
    /** The member of a walk-in sale's entries: none. */
    static final String WALK_IN = "-";

    private final JdbcTemplate jdbc;
    private final ViewWrites writes;

    SalesProjection(JdbcTemplate jdbc, ViewWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MemberEnrolledEvent event) {
        String member = event.memberId().value();
        writes.update("""
                insert into sales_member (member_id, centre, enrolled_at, visit_id) values (?, ?, ?, ?)
                on conflict (member_id) do update set centre = excluded.centre, enrolled_at = excluded.enrolled_at,
                    visit_id = excluded.visit_id""",
                member, event.centre().value(), ts(event.at()),
                event.visitId() == null ? null : event.visitId().value());
        SalesBatch.current(jdbc).ifPresent(batch -> batch.centres().put(member, Optional.of(event.centre().value())));
        if (event.visitId() != null) {
            claimedBy(event.visitId().value(), member);
        }
    }

    /**
     * A member brought over from the old system is no enrolment of the period (marked {@code imported}), and the
     * package they hold is no sale here (it was paid there): only its credits left count as outstanding, valued as
     * any pack's are, at the price paid for the credits bought.
     */
    @EventHandler
    void on(MemberImportedEvent event) {
        String member = event.memberId().value();
        String centre = event.centre().value();
        writes.update("""
                insert into sales_member (member_id, centre, enrolled_at, visit_id, imported) values (?, ?, ?, null, true)
                on conflict (member_id) do update set centre = excluded.centre, enrolled_at = excluded.enrolled_at,
                    imported = true""",
                member, centre, ts(event.at()));
        SalesBatch.current(jdbc).ifPresent(batch -> batch.centres().put(member, Optional.of(centre)));
        ImportedPackage pkg = event.importedPackage();
        if (pkg != null && pkg.kind() == PackageKind.CREDIT_PACK) {
            writes.update("""
                    insert into sales_credit_pack (purchase_id, centre, member_id, plan, credits_total, credits_left,
                        price_minor, currency, purchased_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (purchase_id) do nothing""",
                    pkg.purchaseId().value(), centre, member, pkg.plan(), pkg.credits(), pkg.creditsLeft(),
                    pkg.price().minor(), pkg.price().currency(), ts(pkg.purchasedAt()));
        }
    }

    @EventHandler
    void on(VisitStartedEvent event) {
        writes.update("""
                insert into sales_visit (visit_id, centre, arrived_at) values (?, ?, ?)
                on conflict (visit_id) do update set centre = excluded.centre, arrived_at = excluded.arrived_at""",
                event.visitId().value(), event.centre().value(), ts(event.arrivedAt()));
    }

    /** The visit's own link to the member enrolled from it: the member it converted into. */
    @EventHandler
    void on(MemberLinkedEvent event) {
        if (event.conversion()) {
            writes.update("""
                    insert into sales_visit (visit_id, converted, member_id, linked) values (?, true, ?, true)
                    on conflict (visit_id) do update set converted = true, member_id = excluded.member_id,
                        linked = true""",
                    event.visitId().value(), event.memberId().value());
        }
    }

    /**
     * An enrolment that names the visit counts it as converted even when the visit refused the link (it had ended,
     * or was linked already). Which member the row names must not depend on the order the visit's and the members'
     * events arrive in (they belong to different aggregates, so a replay may see them in another order than the
     * live view did): the visit's own link wins, and among enrolments only, the smallest member id.
     */
    private void claimedBy(String visitId, String memberId) {
        writes.update("""
                insert into sales_visit (visit_id, converted, member_id) values (?, true, ?)
                on conflict (visit_id) do update set converted = true, member_id = case when sales_visit.linked
                    then sales_visit.member_id else least(sales_visit.member_id, excluded.member_id) end""",
                visitId, memberId);
    }

    @EventHandler
    void on(PackagePurchasedEvent event) {
        String member = event.memberId().value();
        String centre = centreOf(member);
        entry(event.purchaseId().value() + ":0", centre, member, event.purchaseId().value(), null, SALE, PACKAGE,
                event.plan(), event.kind().name(), event.soldBy().value(), event.paymentMethod().name(),
                event.renewal(), event.price().minor(), event.price().currency(), event.at());
        if (event.kind() == PackageKind.CREDIT_PACK) {
            // credits_left is set by the events that consume credits, so a repeated purchase event leaves it alone
            writes.update("""
                    insert into sales_credit_pack (purchase_id, centre, member_id, plan, credits_total, credits_left,
                        price_minor, currency, purchased_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (purchase_id) do nothing""",
                    event.purchaseId().value(), centre, member, event.plan(), event.credits(), event.credits(),
                    event.price().minor(), event.price().currency(), ts(event.at()));
        }
    }

    @EventHandler
    void on(ProductsSoldEvent event) {
        String member = event.memberId().value();
        String centre = centreOf(member);
        for (SaleLine line : event.lines()) {
            entry(event.purchaseId().value() + ":" + line.line(), centre, member, event.purchaseId().value(), null,
                    SALE, PRODUCT, line.productCode(), line.category().name(), event.soldBy().value(),
                    event.paymentMethod().name(), false, line.amount().minor(), line.amount().currency(),
                    event.at());
        }
    }

    /**
     * A walk-in sale to a non-member (issue 17) is takings like a member's sale: one entry per product, member
     * {@value #WALK_IN}; its item is the product's code. Member sales are counted from the member's own event.
     */
    @EventHandler
    void on(StockSoldEvent event, EventMessage<?> message) {
        if (event.walkIn()) {
            Object centre = message.getMetaData().get(MetaDataKeys.CENTRE);
            entry(walkInEntry(event.saleId().value(), event.productId().value()), String.valueOf(centre), WALK_IN,
                    event.saleId().value(), null, SALE, PRODUCT, event.code().value(), event.category().name(),
                    event.by().value(), event.paymentMethod().name(), false, event.amount().minor(),
                    event.amount().currency(), event.at());
        }
    }

    /** A walk-in sale refused after its stock was drawn was never takings (nothing to delete for a member's). */
    @EventHandler
    void on(StockSaleCancelledEvent event) {
        writes.update("delete from sales_entry where entry_id = ?",
                walkInEntry(event.saleId().value(), event.productId().value()));
    }

    private static String walkInEntry(String sale, String product) {
        return "walk-in:" + sale + ":" + product;
    }

    @EventHandler
    void on(RefundRequestedEvent event) {
        writes.update("""
                insert into sales_refund_request (refund_id, centre, member_id, purchase_id, amount_minor, currency,
                    status, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (refund_id) do nothing""",
                event.refundId().value(), centreOf(event.memberId().value()), event.memberId().value(),
                event.purchaseId().value(), event.amount().minor(), event.amount().currency(),
                RefundStatus.AWAITING_APPROVAL.name(), event.requestedBy().value(), ts(event.at()));
    }

    @EventHandler
    void on(RefundRejectedEvent event) {
        decided(event.refundId().value(), RefundStatus.REJECTED, event.rejectedBy().value(), event.at());
    }

    @EventHandler
    void on(PurchaseRefundedEvent event) {
        String member = event.memberId().value();
        String centre = centreOf(member);
        String purchase = event.purchaseId().value();
        String staff = event.refundedBy().value();
        if (event.lines().isEmpty()) {
            Sold sold = sold(SalesBatch.soldEntry(purchase, 0));
            entry(event.refundId().value() + ":0", centre, member, purchase, event.refundId().value(), REFUND,
                    PACKAGE, sold.item(), sold.category(), staff, sold.paymentMethod(), false,
                    event.amount().minor(), event.amount().currency(), event.at());
        }
        for (RefundLine line : event.lines()) {
            Sold sold = sold(SalesBatch.soldEntry(purchase, line.line()));
            entry(event.refundId().value() + ":" + line.line(), centre, member, purchase, event.refundId().value(),
                    REFUND, PRODUCT, line.productCode(), sold.category(), staff, sold.paymentMethod(), false,
                    line.amount().minor(), line.amount().currency(), event.at());
        }
        if (event.creditsLeft() != null) {
            creditsLeft(event.purchaseId(), event.creditsLeft());
        }
        if (event.approvedBy() != null) {
            decided(event.refundId().value(), RefundStatus.REFUNDED, event.approvedBy().value(), event.at());
        }
    }

    @EventHandler
    void on(ClassCheckedInEvent event) {
        if (event.creditConsumed()) {
            creditsLeft(event.coveredBy(), event.creditsLeft());
        }
    }

    @EventHandler
    void on(LeaveRequestedEvent event) {
        if (event.creditConsumed()) {
            creditsLeft(event.chargedTo(), event.creditsLeft());
        }
    }

    @EventHandler
    void on(NoShowRecordedEvent event) {
        if (event.creditConsumed()) {
            creditsLeft(event.chargedTo(), event.creditsLeft());
        }
    }

    @ResetHandler
    void reset() {
        SalesBatch.forget();
        for (String table : List.of("sales_entry", "sales_member", "sales_visit", "sales_credit_pack",
                "sales_refund_request")) {
            jdbc.update("delete from " + table);
        }
    }

    private void entry(String entryId, String centre, String member, String purchase, String refund, String kind,
                       String itemType, String item, String category, String staff, String paymentMethod,
                       boolean renewal, long amountMinor, String currency, Instant at) {
        writes.update("""
                insert into sales_entry (entry_id, centre, member_id, purchase_id, refund_id, kind, item_type, item,
                    category, staff, payment_method, renewal, amount_minor, currency, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (entry_id) do update set centre = excluded.centre, item = excluded.item,
                    category = excluded.category, staff = excluded.staff, payment_method = excluded.payment_method,
                    renewal = excluded.renewal, amount_minor = excluded.amount_minor, currency = excluded.currency,
                    at = excluded.at""",
                entryId, centre, member, purchase, refund, kind, itemType, item, category, staff, paymentMethod,
                renewal, amountMinor, currency, ts(at));
        // the upsert sets these three on a row that was there too, so the row now holds them either way
        SalesBatch.current(jdbc).ifPresent(batch -> batch.sold()
                .put(entryId, Optional.of(new Sold(item, category, paymentMethod))));
    }

    private void decided(String refundId, RefundStatus status, String by, Instant at) {
        writes.update("update sales_refund_request set status = ?, decided_by = ?, decided_at = ? where refund_id = ?",
                status.name(), by, ts(at), refundId);
    }

    private void creditsLeft(PurchaseId pack, Integer left) {
        if (pack != null && left != null) {
            writes.update("update sales_credit_pack set credits_left = ? where purchase_id = ?", left, pack.value());
        }
    }

    /** The sale a refund gives back: its item, category and payment method. */
    private Sold sold(String entryId) {
        Optional<SalesBatch> batch = SalesBatch.current(jdbc);
        Optional<Sold> known = batch.map(b -> b.sold().get(entryId)).orElse(null);
        if (known == null) {
            Sold read = DataAccessUtils.requiredSingleResult(writes.query(
                    "select item, category, payment_method from sales_entry where entry_id = ?",
                    (rs, n) -> new Sold(rs.getString(1), rs.getString(2), rs.getString(3)), entryId));
            batch.ifPresent(b -> b.sold().put(entryId, Optional.of(read)));
            return read;
        }
        return known.orElseThrow(() -> new EmptyResultDataAccessException(1));
    }

    /** Events of one member arrive in order, so the enrolment has always been seen first. */
    private String centreOf(String member) {
        Optional<SalesBatch> batch = SalesBatch.current(jdbc);
        Optional<String> known = batch.map(b -> b.centres().get(member)).orElse(null);
        if (known == null) {
            String read = DataAccessUtils.requiredSingleResult(writes.query(
                    "select centre from sales_member where member_id = ?", (rs, n) -> rs.getString(1), member));
            batch.ifPresent(b -> b.centres().put(member, Optional.of(read)));
            return read;
        }
        return known.orElseThrow(() -> new EmptyResultDataAccessException(1));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
