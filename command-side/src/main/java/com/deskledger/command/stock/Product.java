package com.deskledger.command.stock;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.stock.AdjustmentReason;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.StockCategory;
import com.deskledger.kernel.stock.command.AddProductCommand;
import com.deskledger.kernel.stock.command.ApproveAdjustmentCommand;
import com.deskledger.kernel.stock.command.ApprovePurchaseCommand;
import com.deskledger.kernel.stock.command.CancelStockSaleCommand;
import com.deskledger.kernel.stock.command.ChangeProductCommand;
import com.deskledger.kernel.stock.command.CountStockCommand;
import com.deskledger.kernel.stock.command.IssueStockCommand;
import com.deskledger.kernel.stock.command.ReceiveDeliveryCommand;
import com.deskledger.kernel.stock.command.ReceiveTransferCommand;
import com.deskledger.kernel.stock.command.RequestPurchaseCommand;
import com.deskledger.kernel.stock.command.ReturnStockCommand;
import com.deskledger.kernel.stock.command.SellStockCommand;
import com.deskledger.kernel.stock.command.SendTransferCommand;
import com.deskledger.kernel.stock.event.DeliveryReceivedEvent;
import com.deskledger.kernel.stock.event.ProductAddedEvent;
import com.deskledger.kernel.stock.event.ProductChangedEvent;
import com.deskledger.kernel.stock.event.PurchaseApprovedEvent;
import com.deskledger.kernel.stock.event.PurchaseRequestedEvent;
import com.deskledger.kernel.stock.event.StockAdjustedEvent;
import com.deskledger.kernel.stock.event.StockIssuedEvent;
import com.deskledger.kernel.stock.event.StockReturnedEvent;
import com.deskledger.kernel.stock.event.StockSaleCancelledEvent;
import com.deskledger.kernel.stock.event.StockSoldEvent;
import com.deskledger.kernel.stock.event.StocktakeCountedEvent;
import com.deskledger.kernel.stock.event.TransferReceivedEvent;
import com.deskledger.kernel.stock.event.TransferSentEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One product of one centre: its catalogue entry and its stock ledger. Both live in one aggregate because every
 * sale decides on both at once (is it on sale, is enough of it on hand), and one aggregate decides atomically: of two
 * sales of the last unit, the second loads the first's event and is refused. Stock on hand never goes below zero;
 * a product that takes back-orders records what it could not hand over as owed, and the next delivery fills that
 * first.
 */
@Aggregate
class Product {

    static final int MAX_QUANTITY = 100_000;
    static final int MAX_REORDER_LEVEL = 1_000_000;
    static final int MAX_NAME = 100;

    @AggregateIdentifier
    private ProductId id;
    private CentreId centre;
    private ProductCode code;
    private String name;
    private StockCategory category;
    private ProductUse use;
    private Money unitPrice;
    private int reorderLevel;
    private boolean backOrders;
    private boolean active;

    private int onHand;
    private int backOrdered;
    /** Weighted average cost of the stock on hand; null until goods first arrived. */
    private Money averageCost;

    /** Every movement id used on this product (deliveries, issues, stocktakes, transfers, refunds). */
    private final Set<String> movements = new HashSet<>();
    /** Sales by sale id. */
    private final Map<String, SaleState> sales = new HashMap<>();
    /** Stocktake differences waiting for a supervisor, by stocktake id. */
    private final Map<String, PendingAdjustment> pendingAdjustments = new HashMap<>();
    /** Purchase requests by id. */
    private final Map<String, RequestState> requests = new HashMap<>();

    /** One sale's draw-down; records, replaced on change, so that Axon's fixture can compare state. */
    private record SaleState(int quantity, int fromStock, int backOrdered, int returned, boolean cancelled) {
    }

    private record PendingAdjustment(int difference, Money valueAtCost, AdjustmentReason reason) {
    }

    private record RequestState(int quantity, int received, boolean approved) {
    }

    Product() {
        // for Axon
    }

    // ---------------------------------------------------------------- catalogue

    @CommandHandler
    Product(AddProductCommand command) {
        requireName(command.name());
        requireCatalogueFields(command.category(), command.use(), command.unitPrice(), command.reorderLevel());
        apply(new ProductAddedEvent(command.productId(), command.centre(), command.code(), command.name().strip(),
                command.category(), command.use(), command.unitPrice(), command.reorderLevel(), command.backOrders(),
                command.by(), command.at()));
    }

    @CommandHandler
    void handle(ChangeProductCommand command) {
        String newName = command.name() == null ? name : command.name().strip();
        if (command.name() != null) {
            requireName(command.name());
        }
        StockCategory newCategory = command.category() == null ? category : command.category();
        ProductUse newUse = command.use() == null ? use : command.use();
        Money newPrice = command.unitPrice() == null ? unitPrice : command.unitPrice();
        int newReorder = command.reorderLevel() == null ? reorderLevel : command.reorderLevel();
        boolean newBackOrders = command.backOrders() == null ? backOrders : command.backOrders();
        boolean newActive = command.active() == null ? active : command.active();
        requireCatalogueFields(newCategory, newUse, newPrice, newReorder);
        requireCurrency(newPrice, "unitPrice");
        if (newName.equals(name) && newCategory == category && newUse == use && newPrice.equals(unitPrice)
                && newReorder == reorderLevel && newBackOrders == backOrders && newActive == active) {
            throw new DomainException(ErrorCode.NOTHING_TO_CHANGE, "the catalogue entry already says that");
        }
        if (!newBackOrders && backOrdered > 0) {
            throw new DomainException(ErrorCode.INVALID_PRODUCT,
                    "back-orders are still owed; they are filled by the next delivery", "backOrders");
        }
        apply(new ProductChangedEvent(id, newName, newCategory, newUse, newPrice, newReorder, newBackOrders,
                newActive, command.by(), command.at()));
    }

    // ---------------------------------------------------------------- goods in

    @CommandHandler
    void handle(ReceiveDeliveryCommand command) {
        requireNewMovement(command.deliveryId().value());
        requireQuantity(command.quantity(), "quantity");
        requireCost(command.unitCost());
        if (command.requestId() != null) {
            RequestState request = requests.get(command.requestId().value());
            if (request == null) {
                throw new DomainException(ErrorCode.PURCHASE_REQUEST_NOT_FOUND, "no such purchase request",
                        "requestId");
            }
            if (!request.approved()) {
                throw new DomainException(ErrorCode.PURCHASE_NOT_APPROVED,
                        "the purchase request waits for a supervisor's approval", "requestId");
            }
            if (command.quantity() > request.quantity() - request.received()) {
                throw new DomainException(ErrorCode.DELIVERY_EXCEEDS_REQUEST,
                        "only " + (request.quantity() - request.received()) + " of the request are still to come",
                        "quantity");
            }
        }
        Arrival arrival = arrive(command.quantity(), command.unitCost());
        apply(new DeliveryReceivedEvent(id, command.deliveryId(), command.quantity(), command.supplier(),
                command.unitCost(), command.deliveryNote(), command.requestId(), arrival.filled,
                arrival.onHandAfter, arrival.backOrderedAfter, arrival.averageCost, command.by(), command.at()));
    }

    @CommandHandler
    void handle(ReceiveTransferCommand command) {
        requireNewMovement(command.transferId().value());
        requireQuantity(command.quantity(), "quantity");
        requireCost(command.unitCost());
        if (command.origin().equals(centre)) {
            throw new DomainException(ErrorCode.TRANSFER_TO_SAME_CENTRE, "a transfer comes from another centre");
        }
        Arrival arrival = arrive(command.quantity(), command.unitCost());
        apply(new TransferReceivedEvent(id, command.transferId(), command.origin(), command.fromProduct(),
                command.quantity(), command.unitCost(), arrival.filled, arrival.onHandAfter,
                arrival.backOrderedAfter, arrival.averageCost, command.by(), command.at()));
    }

    private record Arrival(int filled, int onHandAfter, int backOrderedAfter, Money averageCost) {
    }

    /** Back-orders are filled first; the rest goes on the shelf and into the weighted average cost. */
    private Arrival arrive(int quantity, Money unitCost) {
        int filled = Math.min(quantity, backOrdered);
        int shelved = quantity - filled;
        long after = (long) onHand + shelved;
        if (after > Integer.MAX_VALUE) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "more stock than can be counted", "quantity");
        }
        Money average;
        if (averageCost == null || after == 0) {
            average = unitCost;
        } else {
            Money total = averageCost.times(onHand).plus(unitCost.times(shelved));
            average = Money.of(total.minor() / after, total.currency());
        }
        return new Arrival(filled, (int) after, backOrdered - filled, average);
    }

    // ---------------------------------------------------------------- goods out

    @CommandHandler
    void handle(IssueStockCommand command) {
        requireNewMovement(command.issueId().value());
        requireQuantity(command.quantity(), "quantity");
        if (command.reason() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "an issue without sale needs a reason", "reason");
        }
        requireOnHand(command.quantity());
        apply(new StockIssuedEvent(id, command.issueId(), command.quantity(), command.reason(),
                valueAtCost(command.quantity()), onHand - command.quantity(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(SellStockCommand command) {
        if (!active) {
            throw new DomainException(ErrorCode.PRODUCT_INACTIVE, "this product is no longer on sale", "productCode");
        }
        if (use != ProductUse.SOLD) {
            throw new DomainException(ErrorCode.PRODUCT_NOT_FOR_SALE, "this product is used at the desk, not sold",
                    "productCode");
        }
        if (sales.containsKey(command.saleId().value())) {
            throw new DomainException(ErrorCode.MOVEMENT_ALREADY_RECORDED, "this sale already drew this product");
        }
        requireQuantity(command.quantity(), "quantity");
        // a walk-in sale takes the catalogue's price; a member's sale line names its own
        Money price = command.unitPrice() == null ? unitPrice : command.unitPrice();
        requireCurrency(price, "unitPrice");
        if (price.signum() < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a price is never negative", "unitPrice");
        }
        if (command.member() == null && command.paymentMethod() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a walk-in sale is paid somehow",
                    "paymentMethod");
        }
        int fromStock = Math.min(command.quantity(), onHand);
        int owed = command.quantity() - fromStock;
        if (owed > 0 && !backOrders) {
            throw new DomainException(ErrorCode.OUT_OF_STOCK,
                    onHand == 0 ? "none left in stock" : "only " + onHand + " left in stock", "quantity");
        }
        apply(new StockSoldEvent(id, code, category, command.saleId(), command.member(), command.quantity(),
                fromStock, owed, price, price.times(command.quantity()), command.paymentMethod(), onHand - fromStock,
                backOrdered + owed, command.by(), command.at()));
    }

    /** The compensation of a sale refused after its stock was drawn: everything goes back as it was. */
    @CommandHandler
    void handle(CancelStockSaleCommand command) {
        SaleState sale = sales.get(command.saleId().value());
        if (sale == null || sale.cancelled()) {
            throw new DomainException(ErrorCode.STOCK_SALE_NOT_FOUND, "no such sale of this product");
        }
        if (sale.returned() > 0) {
            throw new DomainException(ErrorCode.RETURN_EXCEEDS_SOLD, "part of this sale was already returned");
        }
        int stillOwed = Math.min(sale.backOrdered(), backOrdered);
        // back-ordered units a delivery filled meanwhile were handed over from the shelf: they go back there too
        int toShelf = sale.fromStock() + (sale.backOrdered() - stillOwed);
        apply(new StockSaleCancelledEvent(id, command.saleId(), sale.quantity(), toShelf, stillOwed, onHand + toShelf,
                backOrdered - stillOwed, command.by(), command.at()));
    }

    @CommandHandler
    void handle(ReturnStockCommand command) {
        SaleState sale = sales.get(command.saleId().value());
        if (sale == null || sale.cancelled()) {
            throw new DomainException(ErrorCode.STOCK_SALE_NOT_FOUND, "no such sale of this product");
        }
        requireNewMovement(command.refundId().value());
        requireQuantity(command.quantity(), "quantity");
        if (command.quantity() > sale.quantity() - sale.returned()) {
            throw new DomainException(ErrorCode.RETURN_EXCEEDS_SOLD, "more than was sold and not yet returned",
                    "quantity");
        }
        apply(new StockReturnedEvent(id, command.saleId(), command.refundId(), command.quantity(),
                onHand + command.quantity(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(SendTransferCommand command) {
        requireNewMovement(command.transferId().value());
        requireQuantity(command.quantity(), "quantity");
        if (command.destination().equals(centre)) {
            throw new DomainException(ErrorCode.TRANSFER_TO_SAME_CENTRE, "a transfer goes to another centre",
                    "destination");
        }
        requireOnHand(command.quantity());
        apply(new TransferSentEvent(id, command.transferId(), command.destination(), command.quantity(),
                averageCost == null ? Money.zero(unitPrice.currency()) : averageCost, onHand - command.quantity(),
                command.by(), command.at()));
    }

    // ---------------------------------------------------------------- stocktakes

    @CommandHandler
    void handle(CountStockCommand command) {
        requireNewMovement(command.stocktakeId().value());
        if (command.counted() < 0 || command.counted() > MAX_QUANTITY) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "a count is 0 to " + MAX_QUANTITY, "counted");
        }
        int difference = command.counted() - onHand;
        if (difference != 0 && command.reason() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a difference to the ledger needs a reason",
                    "reason");
        }
        Money value = valueAtCost(Math.abs(difference));
        boolean awaiting = difference != 0 && !command.bySupervisor() && value.exceeds(command.approvalLimit());
        apply(new StocktakeCountedEvent(id, command.stocktakeId(), onHand, command.counted(), difference, value,
                command.reason(), awaiting, command.by(), command.at()));
        if (difference != 0 && !awaiting) {
            apply(new StockAdjustedEvent(id, command.stocktakeId(), difference, value, command.reason(),
                    command.counted(), command.by(), command.at()));
        }
    }

    @CommandHandler
    void handle(ApproveAdjustmentCommand command) {
        PendingAdjustment pending = pendingAdjustments.get(command.stocktakeId().value());
        if (pending == null) {
            throw new DomainException(movements.contains(command.stocktakeId().value())
                    ? ErrorCode.ADJUSTMENT_NOT_PENDING : ErrorCode.STOCKTAKE_NOT_FOUND,
                    "no adjustment of that stocktake waits for approval");
        }
        requireSupervisor(command.bySupervisor(), "a supervisor approves a stocktake's adjustment");
        // sales meanwhile changed the ledger, not what went missing: the difference counted is applied
        requireOnHand(-pending.difference());
        apply(new StockAdjustedEvent(id, command.stocktakeId(), pending.difference(), pending.valueAtCost(),
                pending.reason(), onHand + pending.difference(), command.by(), command.at()));
    }

    // ---------------------------------------------------------------- purchasing

    @CommandHandler
    void handle(RequestPurchaseCommand command) {
        if (requests.containsKey(command.requestId().value())) {
            throw new DomainException(ErrorCode.MOVEMENT_ALREADY_RECORDED, "this request was already made");
        }
        requireQuantity(command.quantity(), "quantity");
        apply(new PurchaseRequestedEvent(id, command.requestId(), command.quantity(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(ApprovePurchaseCommand command) {
        RequestState request = requests.get(command.requestId().value());
        if (request == null) {
            throw new DomainException(ErrorCode.PURCHASE_REQUEST_NOT_FOUND, "no such purchase request");
        }
        requireSupervisor(command.bySupervisor(), "a supervisor approves a purchase");
        if (request.approved()) {
            throw new DomainException(ErrorCode.PURCHASE_ALREADY_APPROVED, "this request was already approved");
        }
        apply(new PurchaseApprovedEvent(id, command.requestId(), request.quantity(), command.by(), command.at()));
    }

    // ---------------------------------------------------------------- rules

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new DomainException(ErrorCode.INVALID_PRODUCT, "a product has a name of 1 to 100 characters",
                    "name");
        }
    }

    private static void requireCatalogueFields(StockCategory category, ProductUse use, Money unitPrice,
                                               int reorderLevel) {
        if (category == null) {
            throw new DomainException(ErrorCode.INVALID_PRODUCT, "a product has a category", "category");
        }
        if (use == null) {
            throw new DomainException(ErrorCode.INVALID_PRODUCT, "a product is sold or used", "use");
        }
        if (unitPrice == null || unitPrice.signum() < 0) {
            throw new DomainException(ErrorCode.INVALID_PRODUCT, "a product has a price of zero or more",
                    "unitPrice");
        }
        if (reorderLevel < 0 || reorderLevel > MAX_REORDER_LEVEL) {
            throw new DomainException(ErrorCode.INVALID_PRODUCT, "the reorder level is 0 to " + MAX_REORDER_LEVEL,
                    "reorderLevel");
        }
    }

    private void requireCurrency(Money amount, String field) {
        if (!amount.sameCurrencyAs(unitPrice)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "this product is priced in "
                    + unitPrice.currency(), field);
        }
    }

    private void requireCost(Money unitCost) {
        if (unitCost == null || unitCost.signum() < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a cost is zero or more", "unitCost");
        }
        requireCurrency(unitCost, "unitCost");
    }

    private static void requireQuantity(int quantity, String field) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new DomainException(ErrorCode.INVALID_QUANTITY, "a quantity is 1 to " + MAX_QUANTITY, field);
        }
    }

    private void requireOnHand(int quantity) {
        if (quantity > onHand) {
            throw new DomainException(ErrorCode.OUT_OF_STOCK,
                    onHand == 0 ? "none left in stock" : "only " + onHand + " left in stock", "quantity");
        }
    }

    private void requireNewMovement(String movementId) {
        if (movements.contains(movementId)) {
            throw new DomainException(ErrorCode.MOVEMENT_ALREADY_RECORDED, "this movement was already recorded");
        }
    }

    private static void requireSupervisor(boolean bySupervisor, String message) {
        if (!bySupervisor) {
            throw new DomainException(ErrorCode.APPROVAL_NEEDS_SUPERVISOR, message);
        }
    }

    /** Units at the average cost; a product that never arrived is valued at its price. */
    private Money valueAtCost(int quantity) {
        return (averageCost == null ? unitPrice : averageCost).times(quantity);
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(ProductAddedEvent event) {
        id = event.productId();
        centre = event.centre();
        code = event.code();
        name = event.name();
        category = event.category();
        use = event.use();
        unitPrice = event.unitPrice();
        reorderLevel = event.reorderLevel();
        backOrders = event.backOrders();
        active = true;
    }

    @EventSourcingHandler
    void on(ProductChangedEvent event) {
        name = event.name();
        category = event.category();
        use = event.use();
        unitPrice = event.unitPrice();
        reorderLevel = event.reorderLevel();
        backOrders = event.backOrders();
        active = event.active();
    }

    @EventSourcingHandler
    void on(DeliveryReceivedEvent event) {
        movements.add(event.deliveryId().value());
        onHand = event.onHandAfter();
        backOrdered = event.backOrderedAfter();
        averageCost = event.averageCostAfter();
        if (event.requestId() != null) {
            requests.computeIfPresent(event.requestId().value(), (key, request) ->
                    new RequestState(request.quantity(), request.received() + event.quantity(), request.approved()));
        }
    }

    @EventSourcingHandler
    void on(TransferReceivedEvent event) {
        movements.add(event.transferId().value());
        onHand = event.onHandAfter();
        backOrdered = event.backOrderedAfter();
        averageCost = event.averageCostAfter();
    }

    @EventSourcingHandler
    void on(StockIssuedEvent event) {
        movements.add(event.issueId().value());
        onHand = event.onHandAfter();
    }

    @EventSourcingHandler
    void on(StockSoldEvent event) {
        sales.put(event.saleId().value(),
                new SaleState(event.quantity(), event.fromStock(), event.backOrdered(), 0, false));
        onHand = event.onHandAfter();
        backOrdered = event.backOrderedAfter();
    }

    @EventSourcingHandler
    void on(StockSaleCancelledEvent event) {
        sales.computeIfPresent(event.saleId().value(), (key, sale) ->
                new SaleState(sale.quantity(), sale.fromStock(), sale.backOrdered(), sale.returned(), true));
        onHand = event.onHandAfter();
        backOrdered = event.backOrderedAfter();
    }

    @EventSourcingHandler
    void on(StockReturnedEvent event) {
        movements.add(event.refundId().value());
        sales.computeIfPresent(event.saleId().value(), (key, sale) -> new SaleState(sale.quantity(),
                sale.fromStock(), sale.backOrdered(), sale.returned() + event.quantity(), sale.cancelled()));
        onHand = event.onHandAfter();
    }

    @EventSourcingHandler
    void on(TransferSentEvent event) {
        movements.add(event.transferId().value());
        onHand = event.onHandAfter();
    }

    @EventSourcingHandler
    void on(StocktakeCountedEvent event) {
        movements.add(event.stocktakeId().value());
        if (event.awaitingApproval()) {
            pendingAdjustments.put(event.stocktakeId().value(),
                    new PendingAdjustment(event.difference(), event.valueAtCost(), event.reason()));
        }
    }

    @EventSourcingHandler
    void on(StockAdjustedEvent event) {
        pendingAdjustments.remove(event.stocktakeId().value());
        onHand = event.onHandAfter();
    }

    @EventSourcingHandler
    void on(PurchaseRequestedEvent event) {
        requests.put(event.requestId().value(), new RequestState(event.quantity(), 0, false));
    }

    @EventSourcingHandler
    void on(PurchaseApprovedEvent event) {
        requests.computeIfPresent(event.requestId().value(), (key, request) ->
                new RequestState(request.quantity(), request.received(), true));
    }
}
