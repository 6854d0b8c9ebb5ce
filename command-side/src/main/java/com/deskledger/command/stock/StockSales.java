package com.deskledger.command.stock;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.command.CancelStockSaleCommand;
import com.deskledger.kernel.stock.command.ReturnStockCommand;
import com.deskledger.kernel.stock.command.SellStockCommand;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sale spans aggregates: the stock of each product sold and, for members, the member's account. The stock decides
 * first: each product draws its units down (one aggregate each, so of two sales of the last unit exactly one wins);
 * only then is the sale recorded on the member. If a product or the member refuses, the products already drawn are
 * given back by a {@code StockSaleCancelledEvent} (a compensation with its own actor and correlation id), and the
 * refusal is answered. A refund that went through puts the refunded units back. This is the one home of these
 * steps; controllers call it.
 */
@Component
public class StockSales {

    private static final Logger log = LoggerFactory.getLogger(StockSales.class);
    static final String AGGREGATE_TYPE = "Product";

    /** One line as a sale names it; {@code unitPrice} null takes the catalogue's price. */
    public record Line(String productCode, int quantity, Money unitPrice, String field) {
    }

    /** What a draw-down did: the products drawn and the position of the last stock event. */
    public record Drawn(List<ProductId> products, long position) {
    }

    private final CommandSender sender;
    private final AggregateDirectory directory;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    StockSales(CommandSender sender, AggregateDirectory directory, EventStore events, JdbcTemplate jdbc,
               Clock clock) {
        this.sender = sender;
        this.directory = directory;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The centre's product with this code, if its catalogue has one. */
    public Optional<ProductId> productOf(CentreId centre, String code) {
        if (!ProductCode.isValid(code)) {
            return Optional.empty();
        }
        ProductId id = ProductId.of(centre, ProductCode.of(code));
        return directory.centreOf(id.value(), AGGREGATE_TYPE).map(found -> id);
    }

    /**
     * Draws down the stock of every line naming a product of the centre's catalogue (lines of one product are drawn
     * together); other lines (a birthday party, a service) draw nothing. All or nothing: a refusal gives back what
     * was drawn and is thrown naming the line's field.
     */
    public Drawn drawDown(CentreId centre, PurchaseId sale, MemberId member, List<Line> lines,
                          PaymentMethod paymentMethod, StaffId by, boolean catalogueOnly) {
        Map<ProductId, Line> perProduct = new LinkedHashMap<>();
        for (Line line : lines) {
            Optional<ProductId> product = productOf(centre, line.productCode());
            if (product.isEmpty()) {
                if (catalogueOnly) {
                    throw new DomainException(ErrorCode.NOT_FOUND,
                            "no such product in this centre's catalogue", line.field() + ".productCode");
                }
                continue;
            }
            perProduct.merge(product.get(), line, (a, b) -> new Line(a.productCode(),
                    Math.addExact(a.quantity(), b.quantity()), a.unitPrice(), a.field()));
        }
        List<ProductId> drawn = new ArrayList<>();
        long position = -1;
        for (Map.Entry<ProductId, Line> entry : perProduct.entrySet()) {
            Line line = entry.getValue();
            try {
                CommandAccepted accepted = sender.send(new SellStockCommand(entry.getKey(), sale, member,
                        line.quantity(), line.unitPrice(), paymentMethod, by, clock.instant()), entry.getKey().value());
                position = Math.max(position, accepted.position());
                drawn.add(entry.getKey());
            } catch (RuntimeException refused) {
                giveBack(sale, drawn, by);
                throw domainCause(refused).map(d -> new DomainException(d.code(), d.getMessage(),
                        d.field() == null ? line.field() : line.field() + "." + d.field()))
                        .map(RuntimeException.class::cast).orElse(refused);
            }
        }
        return new Drawn(drawn, position);
    }

    /** Gives back what a sale drew (the sale was refused after the draw-down). */
    public void giveBack(PurchaseId sale, List<ProductId> drawn, StaffId by) {
        for (ProductId product : drawn) {
            try {
                sender.send(new CancelStockSaleCommand(product, sale, by, clock.instant()), product.value());
            } catch (RuntimeException failed) {
                // ids only: the sale and the product, never what the sale was for
                log.error("Stock drawn for sale {} of product {} could not be given back; count it at the next "
                        + "stocktake", sale, product, failed);
            }
        }
    }

    /**
     * Puts back the units of a refund that went through: the member's {@code PurchaseRefundedEvent}, read from the
     * store at the position the refund (or its approval) appended it, names the lines. Lines of products outside the
     * catalogue, or of sales made before it, put nothing back. Answers the position of the last stock event, or -1.
     */
    public long returnRefunded(MemberId member, CentreId centre, RefundId refund, long position, StaffId by) {
        Optional<PurchaseRefundedEvent> refunded = refundAt(member, refund, position);
        if (refunded.isEmpty()) {
            return -1;
        }
        Map<ProductId, Integer> perProduct = new LinkedHashMap<>();
        for (RefundLine line : refunded.get().lines()) {
            productOf(centre, line.productCode()).ifPresent(p -> perProduct.merge(p, line.quantity(), Integer::sum));
        }
        long last = -1;
        for (Map.Entry<ProductId, Integer> entry : perProduct.entrySet()) {
            try {
                last = Math.max(last, sender.send(new ReturnStockCommand(entry.getKey(),
                        refunded.get().purchaseId(), refund, entry.getValue(), by, clock.instant()),
                        entry.getKey().value()).position());
            } catch (RuntimeException refused) {
                DomainException cause = domainCause(refused).orElseThrow(() -> refused);
                if (cause.code() != ErrorCode.STOCK_SALE_NOT_FOUND) {
                    throw refused;
                }
                // sold before the product was in the catalogue: nothing of it was ever drawn
            }
        }
        return last;
    }

    private Optional<PurchaseRefundedEvent> refundAt(MemberId member, RefundId refund, long position) {
        List<Long> sequence = jdbc.queryForList("""
                select sequencenumber from domainevententry where globalindex = ? and aggregateidentifier = ?""",
                Long.class, position, member.value());
        if (sequence.isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = events.readEvents(member.value(), sequence.get(0));
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof PurchaseRefundedEvent refunded
                    && refunded.refundId().equals(refund)) {
                return Optional.of(refunded);
            }
        }
        return Optional.empty();
    }

    static Optional<DomainException> domainCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }
}
