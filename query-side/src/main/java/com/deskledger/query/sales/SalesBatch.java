package com.deskledger.query.sales;

import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.member.event.ProductsSoldEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import com.deskledger.kernel.member.event.RefundRequestedEvent;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the sales view holds, as far as the current transaction (a processor's batch of events, or a verification's
 * rebuild) needs it: each member's centre and what each sale line was (item, category, payment method). A sale or
 * refund needs these from the view itself, and reading them event by event would cost a round trip per event and
 * run the batched writes of {@code ViewWrites} before it.
 *
 * <p>In a processor's batch the values for every member and sale line the batch's events name are read in one
 * query each, when the batch first asks, before any write of the batch has run; the projection then records each
 * of its own writes to those rows here, in the order of the events, so a value found here is the one a read of
 * the view would return at that point. A value not found here is read on its own and kept. The state is bound to
 * the transaction (like {@code ViewWrites}' queue) and dropped when it ends, committed or not.
 */
final class SalesBatch {

    private static final Object KEY = new Object();

    /** What a refund copies from the sale it gives back. */
    record Sold(String item, String category, String paymentMethod) {
    }

    /** By member: the centre, or empty when the view has no such member. */
    private final Map<String, Optional<String>> centres = new HashMap<>();
    /** By sale entry: what was sold, or empty when the view has no such entry. */
    private final Map<String, Optional<Sold>> sold = new HashMap<>();

    private SalesBatch() {
    }

    Map<String, Optional<String>> centres() {
        return centres;
    }

    Map<String, Optional<Sold>> sold() {
        return sold;
    }

    /** The sales_entry key of a sale's line (0: the package of a package purchase). */
    static String soldEntry(String purchase, int line) {
        return purchase + ":" + line;
    }

    /** The current transaction's state, made (and filled for a processor's batch) on first use; none outside one. */
    static Optional<SalesBatch> current(JdbcTemplate jdbc) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        if (TransactionSynchronizationManager.getResource(KEY) instanceof SalesBatch batch) {
            return Optional.of(batch);
        }
        SalesBatch batch = new SalesBatch();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> uow) {
            batch.readAhead(jdbc, uow);
        }
        TransactionSynchronizationManager.bindResource(KEY, batch);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
        return Optional.of(batch);
    }

    /** Drops the current transaction's state (a reset empties the view under it). */
    static void forget() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
    }

    private void readAhead(JdbcTemplate jdbc, BatchingUnitOfWork<?> uow) {
        Set<String> members = new HashSet<>();
        Set<String> entries = new HashSet<>();
        for (Message<?> message : uow.getMessages()) {
            // the type first, so that events of no interest here are not deserialized
            Class<?> type = message.getPayloadType();
            if (type == PackagePurchasedEvent.class) {
                members.add(((PackagePurchasedEvent) message.getPayload()).memberId().value());
            } else if (type == ProductsSoldEvent.class) {
                members.add(((ProductsSoldEvent) message.getPayload()).memberId().value());
            } else if (type == RefundRequestedEvent.class) {
                members.add(((RefundRequestedEvent) message.getPayload()).memberId().value());
            } else if (type == PurchaseRefundedEvent.class) {
                PurchaseRefundedEvent refund = (PurchaseRefundedEvent) message.getPayload();
                members.add(refund.memberId().value());
                String purchase = refund.purchaseId().value();
                if (refund.lines().isEmpty()) {
                    entries.add(soldEntry(purchase, 0));
                }
                for (RefundLine line : refund.lines()) {
                    entries.add(soldEntry(purchase, line.line()));
                }
            }
        }
        if (!members.isEmpty()) {
            members.forEach(member -> centres.put(member, Optional.empty()));
            jdbc.query("select member_id, centre from sales_member where member_id = any(?)",
                    (RowCallbackHandler) rs -> centres.put(rs.getString(1), Optional.of(rs.getString(2))),
                    (Object) members.toArray(String[]::new));
        }
        if (!entries.isEmpty()) {
            entries.forEach(entry -> sold.put(entry, Optional.empty()));
            jdbc.query("select entry_id, item, category, payment_method from sales_entry where entry_id = any(?)",
                    (RowCallbackHandler) rs -> sold.put(rs.getString(1),
                            Optional.of(new Sold(rs.getString(2), rs.getString(3), rs.getString(4)))),
                    (Object) entries.toArray(String[]::new));
        }
    }
}
