package com.deskledger.command.stock;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.MoneyLimits;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.PurchaseRequestId;
import com.deskledger.kernel.stock.command.AddProductCommand;
import com.deskledger.kernel.stock.command.ApproveAdjustmentCommand;
import com.deskledger.kernel.stock.command.ApprovePurchaseCommand;
import com.deskledger.kernel.stock.command.ChangeProductCommand;
import com.deskledger.kernel.stock.command.CountStockCommand;
import com.deskledger.kernel.stock.command.IssueStockCommand;
import com.deskledger.kernel.stock.command.ReceiveDeliveryCommand;
import com.deskledger.kernel.stock.command.ReceiveTransferCommand;
import com.deskledger.kernel.stock.command.RequestPurchaseCommand;
import com.deskledger.kernel.stock.command.SendTransferCommand;
import com.deskledger.kernel.stock.event.ProductAddedEvent;
import com.deskledger.kernel.stock.event.TransferSentEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue and the stock ledger of each product: deliveries, issues without sale, stocktakes, transfers between
 * centres, purchase requests and walk-in sales. Every answer carries the appended event's position.
 */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products and stock", description = "Product commands: catalogue, deliveries, issues, stocktakes, "
        + "transfers, purchasing, walk-in sales")
class ProductController {

    private static final String POSITION_HEADER = CommandResponses.POSITION_HEADER;

    private final CommandSender sender;
    private final AggregateDirectory directory;
    private final StockSales sales;
    private final EventStore events;
    private final CentreCatalog centres;
    private final MoneyLimits limits;
    private final MoneyLimits approvalLimit;
    private final Clock clock;

    ProductController(CommandSender sender, AggregateDirectory directory, StockSales sales, EventStore events,
                      CentreCatalog centres, MoneyLimits limits, Clock clock,
                      @Value("${deskledger.stock.adjustment-approval-limit:100.00}") BigDecimal approvalLimit) {
        this.sender = sender;
        this.directory = directory;
        this.sales = sales;
        this.events = events;
        this.centres = centres;
        this.limits = limits;
        this.approvalLimit = new MoneyLimits(approvalLimit);
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "SUPERVISOR: add a product to the centre's catalogue (code unique per centre)")
    ResponseEntity<Map<String, Object>> add(@Valid @RequestBody ProductRequests.ProductAdd request,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "change the catalogue");
        CentreId centre = actor.centreOrOnly(request.centre());
        if (!centres.exists(centre)) {
            throw new DomainException(ErrorCode.UNKNOWN_CENTRE, "no such centre", "centre");
        }
        ProductCode code = ProductCode.of(request.code());
        ProductId id = ProductId.of(centre, code);
        if (directory.centreOf(id.value()).isPresent()) {
            throw new DomainException(ErrorCode.PRODUCT_CODE_TAKEN, "this centre's catalogue has that code already",
                    "code");
        }
        CommandAccepted accepted = sender.send(new AddProductCommand(id, centre, code, request.name(),
                request.category(), request.use(), money(request.unitPrice(), centre, "unitPrice"),
                request.reorderLevel() == null ? 0 : request.reorderLevel(), Boolean.TRUE.equals(request.backOrders()),
                actor.user(), clock.instant()), id.value());
        Map<String, Object> body = body(accepted);
        body.put("code", code.value());
        return created("/api/products/" + id.value(), accepted.position(), body);
    }

    @PostMapping("/{id}/changes")
    @Operation(summary = "SUPERVISOR: change name, category, use, price, reorder level, back-orders or active")
    ResponseEntity<CommandAccepted> change(@PathVariable String id,
                                           @Valid @RequestBody ProductRequests.ProductChange request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "change the catalogue");
        ProductId product = productId(id);
        CentreId centre = centreOf(product);
        return CommandResponses.ok(sender.send(new ChangeProductCommand(product, request.name(), request.category(),
                request.use(), request.unitPrice() == null ? null : money(request.unitPrice(), centre, "unitPrice"),
                request.reorderLevel(), request.backOrders(), request.active(), actor.user(), clock.instant()),
                product.value()));
    }

    @PostMapping("/{id}/deliveries")
    @Operation(summary = "Receive a delivery: quantity, supplier, unit cost, delivery note; optionally against an "
            + "approved purchase request (partial deliveries allowed)")
    ResponseEntity<Map<String, Object>> deliver(@PathVariable String id,
                                                @Valid @RequestBody ProductRequests.StockDelivery request,
                                                @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        CentreId centre = centreOf(product);
        MovementId delivery = MovementId.random();
        PurchaseRequestId requestId = request.requestId() == null ? null
                : parse(() -> PurchaseRequestId.of(request.requestId()), ErrorCode.PURCHASE_REQUEST_NOT_FOUND,
                "no such purchase request", "requestId");
        CommandAccepted accepted = sender.send(new ReceiveDeliveryCommand(product, delivery, request.quantity(),
                request.supplier(), money(request.unitCost(), centre, "unitCost"), request.deliveryNote(), requestId,
                actor.user(), clock.instant()), product.value());
        Map<String, Object> body = body(accepted);
        body.put("deliveryId", delivery.value());
        return created("/api/products/" + product.value() + "/deliveries/" + delivery.value(), accepted.position(),
                body);
    }

    @PostMapping("/{id}/issues")
    @Operation(summary = "Issue without sale: a gift, a parking voucher, a consumable used, damaged goods")
    ResponseEntity<Map<String, Object>> issue(@PathVariable String id,
                                              @Valid @RequestBody ProductRequests.StockIssue request,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        MovementId issue = MovementId.random();
        CommandAccepted accepted = sender.send(new IssueStockCommand(product, issue, request.quantity(),
                request.reason(), actor.user(), clock.instant()), product.value());
        Map<String, Object> body = body(accepted);
        body.put("issueId", issue.value());
        return created("/api/products/" + product.value() + "/issues/" + issue.value(), accepted.position(), body);
    }

    @PostMapping("/{id}/stocktakes")
    @Operation(summary = "A stocktake's count: a difference is adjusted (shrinkage or surplus, with a reason); above "
            + "the approval limit at cost it waits for a SUPERVISOR unless one counted")
    ResponseEntity<Map<String, Object>> count(@PathVariable String id,
                                              @Valid @RequestBody ProductRequests.Stocktake request,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        CentreId centre = centreOf(product);
        MovementId stocktake = MovementId.random();
        String currency = centres.currencyOf(centre);
        CommandAccepted accepted = sender.send(new CountStockCommand(product, stocktake, request.counted(),
                request.reason(), actor.has(Role.SUPERVISOR),
                Money.of(approvalLimit.maxMinor(currency), currency), actor.user(), clock.instant()), product.value());
        Map<String, Object> body = body(accepted);
        body.put("stocktakeId", stocktake.value());
        return created("/api/products/" + product.value() + "/stocktakes/" + stocktake.value(), accepted.position(),
                body);
    }

    @PostMapping("/{id}/stocktakes/{stocktakeId}/approval")
    @Operation(summary = "SUPERVISOR: approve the adjustment a stocktake waits for")
    ResponseEntity<CommandAccepted> approveAdjustment(@PathVariable String id, @PathVariable String stocktakeId,
                                                      @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        MovementId stocktake = parse(() -> MovementId.of(stocktakeId), ErrorCode.STOCKTAKE_NOT_FOUND,
                "no such stocktake", null);
        return CommandResponses.ok(sender.send(new ApproveAdjustmentCommand(product, stocktake,
                actor.has(Role.SUPERVISOR), actor.user(), clock.instant()), product.value()));
    }

    @PostMapping("/{id}/transfers")
    @Operation(summary = "Send goods to another centre: they are in transit until that centre receives them")
    ResponseEntity<Map<String, Object>> send(@PathVariable String id,
                                             @Valid @RequestBody ProductRequests.StockTransfer request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        if (!centres.exists(request.destination())) {
            throw new DomainException(ErrorCode.UNKNOWN_CENTRE, "no such centre", "destination");
        }
        MovementId transfer = MovementId.random();
        CommandAccepted accepted = sender.send(new SendTransferCommand(product, transfer, request.destination(),
                request.quantity(), actor.user(), clock.instant()), product.value());
        Map<String, Object> body = body(accepted);
        body.put("transferId", transfer.value());
        String receipt = "/api/products/" + product.value() + "/transfers/" + transfer.value() + "/receipt";
        body.put("receipt", receipt);
        return created(receipt, accepted.position(), body);
    }

    @PostMapping("/{id}/transfers/{transferId}/receipt")
    @Operation(summary = "The receiving centre takes in a transfer sent by product {id} of another centre; its own "
            + "catalogue needs a product with the same code")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String id, @PathVariable String transferId,
                                                @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId source = productId(id);
        MovementId transfer = parse(() -> MovementId.of(transferId), ErrorCode.TRANSFER_NOT_FOUND,
                "no such transfer", null);
        SentTransfer sent = sentTransfer(source, transfer);
        ProductId destination = ProductId.of(sent.sent().destination(), sent.code());
        if (directory.centreOf(destination.value(), StockSales.AGGREGATE_TYPE).isEmpty()) {
            // the receiving centre must be the asker's, whether or not its catalogue has the product
            actor.requireCentre(sent.sent().destination());
            throw new DomainException(ErrorCode.NOT_FOUND,
                    "the receiving centre's catalogue has no product " + sent.code() + "; add it first");
        }
        CommandAccepted accepted = sender.send(new ReceiveTransferCommand(destination, transfer, sent.origin(),
                source, sent.sent().quantity(), sent.sent().unitCost(), actor.user(), clock.instant()),
                destination.value());
        Map<String, Object> body = body(accepted);
        body.put("productId", destination.value());
        body.put("quantity", sent.sent().quantity());
        return ResponseEntity.ok().header(POSITION_HEADER, Long.toString(accepted.position())).body(body);
    }

    @PostMapping("/{id}/purchase-requests")
    @Operation(summary = "Ask to buy (消费品采购); a SUPERVISOR approves, deliveries are received against it")
    ResponseEntity<Map<String, Object>> requestPurchase(@PathVariable String id,
                                                        @Valid @RequestBody
                                                        ProductRequests.StockPurchaseRequest request,
                                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        PurchaseRequestId requestId = PurchaseRequestId.random();
        CommandAccepted accepted = sender.send(new RequestPurchaseCommand(product, requestId, request.quantity(),
                actor.user(), clock.instant()), product.value());
        Map<String, Object> body = body(accepted);
        body.put("requestId", requestId.value());
        return created("/api/products/" + product.value() + "/purchase-requests/" + requestId.value(),
                accepted.position(), body);
    }

    @PostMapping("/{id}/purchase-requests/{requestId}/approval")
    @Operation(summary = "SUPERVISOR: approve a purchase request")
    ResponseEntity<CommandAccepted> approvePurchase(@PathVariable String id, @PathVariable String requestId,
                                                    @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ProductId product = productId(id);
        PurchaseRequestId request = parse(() -> PurchaseRequestId.of(requestId),
                ErrorCode.PURCHASE_REQUEST_NOT_FOUND, "no such purchase request", null);
        return CommandResponses.ok(sender.send(new ApprovePurchaseCommand(product, request,
                actor.has(Role.SUPERVISOR), actor.user(), clock.instant()), product.value()));
    }

    @PostMapping("/walk-in-sales")
    @Operation(summary = "Sell to a walk-in customer who is not a member, at the catalogue's prices; 422 "
            + "OUT_OF_STOCK naming the line")
    ResponseEntity<Map<String, Object>> walkIn(@Valid @RequestBody ProductRequests.WalkInSale request,
                                               @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId centre = actor.centreOrOnly(request.centre());
        PurchaseId sale = PurchaseId.random();
        List<StockSales.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ProductRequests.WalkInLine line = request.lines().get(i);
            lines.add(new StockSales.Line(line.productCode(), line.quantity(), null, "lines[" + i + "]"));
        }
        StockSales.Drawn drawn = sales.drawDown(centre, sale, null, lines, request.paymentMethod(), actor.user(),
                true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("saleId", sale.value());
        body.put("products", drawn.products().stream().map(ProductId::value).toList());
        body.put("position", drawn.position());
        return created("/api/products/walk-in-sales/" + sale.value(), drawn.position(), body);
    }

    // ---------------------------------------------------------------- helpers

    private record SentTransfer(ProductCode code, CentreId origin, TransferSentEvent sent) {
    }

    /** The transfer as the sending product recorded it, read from its own events. */
    private SentTransfer sentTransfer(ProductId source, MovementId transfer) {
        if (directory.centreOf(source.value(), StockSales.AGGREGATE_TYPE).isEmpty()) {
            throw new DomainException(ErrorCode.TRANSFER_NOT_FOUND, "no such transfer");
        }
        ProductAddedEvent added = null;
        DomainEventStream stream = events.readEvents(source.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ProductAddedEvent first) {
                added = first;
            } else if (event.getPayload() instanceof TransferSentEvent sent && sent.transferId().equals(transfer)
                    && added != null) {
                return new SentTransfer(added.code(), added.centre(), sent);
            }
        }
        throw new DomainException(ErrorCode.TRANSFER_NOT_FOUND, "no such transfer");
    }

    private CentreId centreOf(ProductId product) {
        return directory.centreOf(product.value(), StockSales.AGGREGATE_TYPE)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such product"));
    }

    /** An amount in a currency the centre takes, at most the configured maximum. */
    private Money money(ProductRequests.StockAmount amount, CentreId centre, String field) {
        String currency = amount.currency() != null ? amount.currency() : centres.currencyOf(centre);
        if (!centres.acceptedCurrencies(centre).contains(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_NOT_ACCEPTED, "this centre does not take that currency",
                    field + ".currency");
        }
        return limits.check(Money.of(amount.minor(), currency), field + ".minor");
    }

    private static void requireSupervisor(Actor actor, String what) {
        if (!actor.has(Role.SUPERVISOR)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only a supervisor may " + what);
        }
    }

    private static ProductId productId(String raw) {
        return parse(() -> ProductId.of(raw), ErrorCode.NOT_FOUND, "no such product", null);
    }

    private static <T> T parse(Supplier<T> parser, ErrorCode code, String message, String field) {
        try {
            return parser.get();
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(code, message, field);
        }
    }

    private static Map<String, Object> body(CommandAccepted accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accepted.id());
        body.put("position", accepted.position());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> created(String location, long position,
                                                               Map<String, Object> body) {
        return ResponseEntity.created(URI.create(location)).header(POSITION_HEADER, Long.toString(position))
                .body(body);
    }
}
