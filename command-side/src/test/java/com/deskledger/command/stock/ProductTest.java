package com.deskledger.command.stock;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.stock.AdjustmentReason;
import com.deskledger.kernel.stock.IssueReason;
import com.deskledger.kernel.stock.MovementId;
import com.deskledger.kernel.stock.ProductCode;
import com.deskledger.kernel.stock.ProductId;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.PurchaseRequestId;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

class ProductTest {

    private static final CentreId CENTRE = CentreId.of("main");
    private static final CentreId EAST = CentreId.of("east");
    private static final ProductCode CODE = ProductCode.of("toy-dino");
    private static final ProductId PRODUCT = ProductId.of(CENTRE, CODE);
    private static final StaffId DESK = StaffId.of("reception");
    private static final StaffId BOSS = StaffId.of("supervisor");
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final Money PRICE = Money.of(8_800, "CNY");
    private static final Money COST = Money.of(4_000, "CNY");
    private static final Money LIMIT = Money.of(10_000, "CNY");
    private static final MovementId DELIVERY = MovementId.of("00000000-0000-0000-0000-00000000000d");
    private static final MovementId ISSUE = MovementId.of("00000000-0000-0000-0000-00000000000e");
    private static final MovementId STOCKTAKE = MovementId.of("00000000-0000-0000-0000-00000000000c");
    private static final MovementId TRANSFER = MovementId.of("00000000-0000-0000-0000-00000000000f");
    private static final PurchaseId SALE = PurchaseId.of("00000000-0000-0000-0000-0000000000a1");
    private static final PurchaseId SALE_2 = PurchaseId.of("00000000-0000-0000-0000-0000000000a2");
    private static final RefundId REFUND = RefundId.of("00000000-0000-0000-0000-0000000000b1");
    private static final PurchaseRequestId REQUEST = PurchaseRequestId.of("00000000-0000-0000-0000-0000000000c1");
    private static final MemberId MEMBER = MemberId.of("00000000-0000-0000-0000-0000000000f1");

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    private static ProductAddedEvent added(ProductUse use, boolean backOrders) {
        return new ProductAddedEvent(PRODUCT, CENTRE, CODE, "Dinosaur", StockCategory.TOY, use, PRICE, 3, backOrders,
                DESK, AT);
    }

    private static ProductAddedEvent added() {
        return added(ProductUse.SOLD, false);
    }

    private static DeliveryReceivedEvent delivered(int quantity) {
        return new DeliveryReceivedEvent(PRODUCT, DELIVERY, quantity, "Toys Ltd", COST, "DN-1", null, 0, quantity, 0,
                COST, DESK, AT);
    }

    private static SellStockCommand sell(PurchaseId sale, int quantity) {
        return new SellStockCommand(PRODUCT, sale, MEMBER, quantity, PRICE, PaymentMethod.CASH, DESK, AT);
    }

    private static StockSoldEvent sold(PurchaseId sale, int quantity, int onHandAfter) {
        return new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, sale, MEMBER, quantity, quantity, 0, PRICE, PRICE.times(quantity),
                PaymentMethod.CASH, onHandAfter, 0, DESK, AT);
    }

    // ---------------------------------------------------------------- catalogue

    @Test
    void addsAProductToTheCatalogueWithItsCodeInUpperCase() {
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, " Dinosaur ", StockCategory.TOY, ProductUse.SOLD,
                        PRICE, 3, false, DESK, AT))
                .expectEvents(added());
        org.assertj.core.api.Assertions.assertThat(CODE.value()).isEqualTo("TOY-DINO");
    }

    @Test
    void refusesAProductWithoutName() {
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, " ", StockCategory.TOY, ProductUse.SOLD, PRICE, 3,
                        false, DESK, AT))
                .expectException(DomainException.class).expectException(hasCode(ErrorCode.INVALID_PRODUCT))
                .expectNoEvents();
    }

    @Test
    void refusesANameOfMoreThanAHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, "x".repeat(101), StockCategory.TOY,
                        ProductUse.SOLD, PRICE, 3, false, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
    }

    @Test
    void refusesANegativePriceOrReorderLevelAndMissingCategoryOrUse() {
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, "Dino", StockCategory.TOY, ProductUse.SOLD,
                        Money.of(-1, "CNY"), 3, false, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, "Dino", StockCategory.TOY, ProductUse.SOLD, PRICE,
                        -1, false, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, "Dino", StockCategory.TOY, ProductUse.SOLD, PRICE,
                        Product.MAX_REORDER_LEVEL + 1, false, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, "Dino", null, ProductUse.SOLD, PRICE, 3, false,
                        DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(PRODUCT, CENTRE, CODE, "Dino", StockCategory.TOY, null, PRICE, 3, false,
                        DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
    }

    @Test
    void changesTheCatalogueEntryKeepingWhatWasNotNamed() {
        fixture.given(added())
                .when(new ChangeProductCommand(PRODUCT, null, null, null, Money.of(9_900, "CNY"), 5, null, false,
                        DESK, AT))
                .expectEvents(new ProductChangedEvent(PRODUCT, "Dinosaur", StockCategory.TOY, ProductUse.SOLD,
                        Money.of(9_900, "CNY"), 5, false, false, DESK, AT));
    }

    @Test
    void refusesAChangeThatChangesNothing() {
        fixture.given(added())
                .when(new ChangeProductCommand(PRODUCT, "Dinosaur", null, null, PRICE, null, null, true, DESK, AT))
                .expectException(hasCode(ErrorCode.NOTHING_TO_CHANGE));
    }

    @Test
    void refusesAPriceInAnotherCurrency() {
        fixture.given(added())
                .when(new ChangeProductCommand(PRODUCT, null, null, null, Money.of(100, "USD"), null, null, null,
                        DESK, AT))
                .expectException(hasCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void refusesToStopBackOrdersWhileSomeAreOwed() {
        fixture.given(added(ProductUse.SOLD, true),
                        new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, SALE, MEMBER, 2, 0, 2, PRICE, PRICE.times(2), PaymentMethod.CASH,
                                0, 2, DESK, AT))
                .when(new ChangeProductCommand(PRODUCT, null, null, null, null, null, false, null, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_PRODUCT));
    }

    // ---------------------------------------------------------------- deliveries

    @Test
    void receivesADeliveryAtItsCost() {
        fixture.given(added())
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 10, "Toys Ltd", COST, "DN-1", null, DESK, AT))
                .expectEvents(delivered(10));
    }

    @Test
    void keepsAWeightedAverageCostRoundedDown() {
        MovementId second = MovementId.random();
        fixture.given(added(), delivered(1))
                .when(new ReceiveDeliveryCommand(PRODUCT, second, 2, "Toys Ltd", Money.of(4_001, "CNY"), null, null,
                        DESK, AT))
                // (4000 + 2 × 4001) / 3 = 4000.67 → 4000
                .expectEvents(new DeliveryReceivedEvent(PRODUCT, second, 2, "Toys Ltd", Money.of(4_001, "CNY"), null,
                        null, 0, 3, 0, Money.of(4_000, "CNY"), DESK, AT));
    }

    @Test
    void refusesADeliveryRecordedTwice() {
        fixture.given(added(), delivered(10))
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 10, "Toys Ltd", COST, "DN-1", null, DESK, AT))
                .expectException(hasCode(ErrorCode.MOVEMENT_ALREADY_RECORDED));
    }

    @Test
    void refusesADeliveryOfNothingOrTooMuchOrAtANegativeOrForeignCost() {
        fixture.given(added())
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 0, "Toys Ltd", COST, null, null, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_QUANTITY));
        fixture.given(added())
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, Product.MAX_QUANTITY + 1, "Toys Ltd", COST,
                        null, null, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_QUANTITY));
        fixture.given(added())
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 1, "Toys Ltd", Money.of(-1, "CNY"), null, null,
                        DESK, AT))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        fixture.given(added())
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 1, "Toys Ltd", Money.of(1, "USD"), null, null,
                        DESK, AT))
                .expectException(hasCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void aDeliveryFillsBackOrdersFirst() {
        fixture.given(added(ProductUse.SOLD, true),
                        new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, SALE, MEMBER, 2, 0, 2, PRICE, PRICE.times(2), PaymentMethod.CASH,
                                0, 2, DESK, AT))
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 5, "Toys Ltd", COST, null, null, DESK, AT))
                .expectEvents(new DeliveryReceivedEvent(PRODUCT, DELIVERY, 5, "Toys Ltd", COST, null, null, 2, 3, 0,
                        COST, DESK, AT));
    }

    // ---------------------------------------------------------------- purchasing

    @Test
    void aRequestIsApprovedByASupervisorAndReceivedInParts() {
        MovementId second = MovementId.random();
        fixture.given(added())
                .when(new RequestPurchaseCommand(PRODUCT, REQUEST, 10, DESK, AT))
                .expectEvents(new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT));
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT))
                .when(new ApprovePurchaseCommand(PRODUCT, REQUEST, true, BOSS, AT))
                .expectEvents(new PurchaseApprovedEvent(PRODUCT, REQUEST, 10, BOSS, AT));
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT),
                        new PurchaseApprovedEvent(PRODUCT, REQUEST, 10, BOSS, AT),
                        new DeliveryReceivedEvent(PRODUCT, DELIVERY, 6, "S", COST, null, REQUEST, 0, 6, 0, COST, DESK,
                                AT))
                .when(new ReceiveDeliveryCommand(PRODUCT, second, 4, "S", COST, null, REQUEST, DESK, AT))
                .expectEvents(new DeliveryReceivedEvent(PRODUCT, second, 4, "S", COST, null, REQUEST, 0, 10, 0, COST,
                        DESK, AT));
    }

    @Test
    void refusesADeliveryBeyondWhatTheRequestHasLeft() {
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT),
                        new PurchaseApprovedEvent(PRODUCT, REQUEST, 10, BOSS, AT),
                        new DeliveryReceivedEvent(PRODUCT, DELIVERY, 6, "S", COST, null, REQUEST, 0, 6, 0, COST, DESK,
                                AT))
                .when(new ReceiveDeliveryCommand(PRODUCT, MovementId.random(), 5, "S", COST, null, REQUEST, DESK, AT))
                .expectException(hasCode(ErrorCode.DELIVERY_EXCEEDS_REQUEST));
    }

    @Test
    void refusesADeliveryAgainstAnUnapprovedOrUnknownRequest() {
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT))
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 5, "S", COST, null, REQUEST, DESK, AT))
                .expectException(hasCode(ErrorCode.PURCHASE_NOT_APPROVED));
        fixture.given(added())
                .when(new ReceiveDeliveryCommand(PRODUCT, DELIVERY, 5, "S", COST, null, REQUEST, DESK, AT))
                .expectException(hasCode(ErrorCode.PURCHASE_REQUEST_NOT_FOUND));
    }

    @Test
    void onlyASupervisorApprovesAPurchaseAndOnlyOnce() {
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT))
                .when(new ApprovePurchaseCommand(PRODUCT, REQUEST, false, DESK, AT))
                .expectException(hasCode(ErrorCode.APPROVAL_NEEDS_SUPERVISOR));
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT),
                        new PurchaseApprovedEvent(PRODUCT, REQUEST, 10, BOSS, AT))
                .when(new ApprovePurchaseCommand(PRODUCT, REQUEST, true, BOSS, AT))
                .expectException(hasCode(ErrorCode.PURCHASE_ALREADY_APPROVED));
        fixture.given(added())
                .when(new ApprovePurchaseCommand(PRODUCT, REQUEST, true, BOSS, AT))
                .expectException(hasCode(ErrorCode.PURCHASE_REQUEST_NOT_FOUND));
    }

    @Test
    void refusesARequestMadeTwiceOrForNothing() {
        fixture.given(added(), new PurchaseRequestedEvent(PRODUCT, REQUEST, 10, DESK, AT))
                .when(new RequestPurchaseCommand(PRODUCT, REQUEST, 10, DESK, AT))
                .expectException(hasCode(ErrorCode.MOVEMENT_ALREADY_RECORDED));
        fixture.given(added())
                .when(new RequestPurchaseCommand(PRODUCT, REQUEST, 0, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_QUANTITY));
    }

    // ---------------------------------------------------------------- sales

    @Test
    void aSaleDrawsDownStock() {
        fixture.given(added(), delivered(10))
                .when(sell(SALE, 3))
                .expectEvents(sold(SALE, 3, 7));
    }

    @Test
    void refusesASaleBeyondStockWithOutOfStock() {
        fixture.given(added(), delivered(6))
                .when(sell(SALE, 7))
                .expectException(hasCode(ErrorCode.OUT_OF_STOCK)).expectNoEvents();
    }

    @Test
    void theSecondSaleOfTheLastUnitIsRefused() {
        fixture.given(added(), delivered(1), sold(SALE, 1, 0))
                .when(sell(SALE_2, 1))
                .expectException(hasCode(ErrorCode.OUT_OF_STOCK));
    }

    @Test
    void aProductTakingBackOrdersOwesWhatItCannotHandOver() {
        fixture.given(added(ProductUse.SOLD, true), delivered(1))
                .when(sell(SALE, 3))
                .expectEvents(new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, SALE, MEMBER, 3, 1, 2, PRICE, PRICE.times(3),
                        PaymentMethod.CASH, 0, 2, DESK, AT));
    }

    @Test
    void refusesASaleOfAnInactiveOrUsedOnlyProduct() {
        fixture.given(added(), delivered(10), new ProductChangedEvent(PRODUCT, "Dinosaur", StockCategory.TOY,
                        ProductUse.SOLD, PRICE, 3, false, false, DESK, AT))
                .when(sell(SALE, 1))
                .expectException(hasCode(ErrorCode.PRODUCT_INACTIVE));
        fixture.given(added(ProductUse.USED, false), delivered(10))
                .when(sell(SALE, 1))
                .expectException(hasCode(ErrorCode.PRODUCT_NOT_FOR_SALE));
    }

    @Test
    void refusesTheSameSaleTwiceAndBadLines() {
        fixture.given(added(), delivered(10), sold(SALE, 1, 9))
                .when(sell(SALE, 1))
                .expectException(hasCode(ErrorCode.MOVEMENT_ALREADY_RECORDED));
        fixture.given(added(), delivered(10))
                .when(sell(SALE, 0))
                .expectException(hasCode(ErrorCode.INVALID_QUANTITY));
        fixture.given(added(), delivered(10))
                .when(new SellStockCommand(PRODUCT, SALE, MEMBER, 1, Money.of(1, "USD"), PaymentMethod.CASH, DESK,
                        AT))
                .expectException(hasCode(ErrorCode.CURRENCY_MISMATCH));
        fixture.given(added(), delivered(10))
                .when(new SellStockCommand(PRODUCT, SALE, MEMBER, 1, Money.of(-1, "CNY"), PaymentMethod.CASH, DESK,
                        AT))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        fixture.given(added(), delivered(10))
                .when(new SellStockCommand(PRODUCT, SALE, null, 1, PRICE, null, DESK, AT))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aWalkInSaleRecordsItsTakings() {
        fixture.given(added(), delivered(10))
                .when(new SellStockCommand(PRODUCT, SALE, null, 2, PRICE, PaymentMethod.WECHAT_PAY, DESK, AT))
                .expectEvents(new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, SALE, null, 2, 2, 0, PRICE, PRICE.times(2),
                        PaymentMethod.WECHAT_PAY, 8, 0, DESK, AT));
    }

    @Test
    void aSaleWithoutPriceTakesTheCataloguePrice() {
        fixture.given(added(), delivered(10))
                .when(new SellStockCommand(PRODUCT, SALE, null, 1, null, PaymentMethod.CASH, DESK, AT))
                .expectEvents(new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, SALE, null, 1, 1, 0, PRICE, PRICE, PaymentMethod.CASH, 9, 0,
                        DESK, AT));
    }

    @Test
    void aRefusedSaleIsCancelledAndItsStockGoesBack() {
        fixture.given(added(), delivered(10), sold(SALE, 3, 7))
                .when(new CancelStockSaleCommand(PRODUCT, SALE, DESK, AT))
                .expectEvents(new StockSaleCancelledEvent(PRODUCT, SALE, 3, 3, 0, 10, 0, DESK, AT));
        fixture.given(added(), delivered(10), sold(SALE, 3, 7),
                        new StockSaleCancelledEvent(PRODUCT, SALE, 3, 3, 0, 10, 0, DESK, AT))
                .when(new CancelStockSaleCommand(PRODUCT, SALE, DESK, AT))
                .expectException(hasCode(ErrorCode.STOCK_SALE_NOT_FOUND));
        fixture.given(added(), delivered(10), sold(SALE, 3, 7),
                        new StockReturnedEvent(PRODUCT, SALE, REFUND, 1, 8, DESK, AT))
                .when(new CancelStockSaleCommand(PRODUCT, SALE, DESK, AT))
                .expectException(hasCode(ErrorCode.RETURN_EXCEEDS_SOLD));
    }

    @Test
    void cancellingABackOrderedSaleReleasesTheBackOrder() {
        fixture.given(added(ProductUse.SOLD, true), delivered(1),
                        new StockSoldEvent(PRODUCT, CODE, StockCategory.TOY, SALE, MEMBER, 3, 1, 2, PRICE, PRICE.times(3), PaymentMethod.CASH,
                                0, 2, DESK, AT))
                .when(new CancelStockSaleCommand(PRODUCT, SALE, DESK, AT))
                .expectEvents(new StockSaleCancelledEvent(PRODUCT, SALE, 3, 1, 2, 1, 0, DESK, AT));
    }

    @Test
    void aRefundPutsStockBackButNeverMoreThanWasSold() {
        fixture.given(added(), delivered(10), sold(SALE, 3, 7))
                .when(new ReturnStockCommand(PRODUCT, SALE, REFUND, 1, DESK, AT))
                .expectEvents(new StockReturnedEvent(PRODUCT, SALE, REFUND, 1, 8, DESK, AT));
        fixture.given(added(), delivered(10), sold(SALE, 3, 7),
                        new StockReturnedEvent(PRODUCT, SALE, REFUND, 1, 8, DESK, AT))
                .when(new ReturnStockCommand(PRODUCT, SALE, RefundId.random(), 3, DESK, AT))
                .expectException(hasCode(ErrorCode.RETURN_EXCEEDS_SOLD));
        fixture.given(added(), delivered(10), sold(SALE, 3, 7),
                        new StockReturnedEvent(PRODUCT, SALE, REFUND, 1, 8, DESK, AT))
                .when(new ReturnStockCommand(PRODUCT, SALE, REFUND, 1, DESK, AT))
                .expectException(hasCode(ErrorCode.MOVEMENT_ALREADY_RECORDED));
        fixture.given(added(), delivered(10))
                .when(new ReturnStockCommand(PRODUCT, SALE, REFUND, 1, DESK, AT))
                .expectException(hasCode(ErrorCode.STOCK_SALE_NOT_FOUND));
    }

    // ---------------------------------------------------------------- issues

    @Test
    void aGiftLeavesStockAtItsCost() {
        fixture.given(added(), delivered(10))
                .when(new IssueStockCommand(PRODUCT, ISSUE, 1, IssueReason.GIFT, DESK, AT))
                .expectEvents(new StockIssuedEvent(PRODUCT, ISSUE, 1, IssueReason.GIFT, COST, 9, DESK, AT));
    }

    @Test
    void refusesAnIssueBeyondStockOrWithoutReason() {
        fixture.given(added(), delivered(1))
                .when(new IssueStockCommand(PRODUCT, ISSUE, 2, IssueReason.GIFT, DESK, AT))
                .expectException(hasCode(ErrorCode.OUT_OF_STOCK));
        fixture.given(added(), delivered(1))
                .when(new IssueStockCommand(PRODUCT, ISSUE, 1, null, DESK, AT))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    // ---------------------------------------------------------------- stocktakes

    @Test
    void aSmallShrinkageIsAdjustedAtOnce() {
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 6, AdjustmentReason.LOST, false, LIMIT, DESK, AT))
                .expectEvents(new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 6, -1, COST, AdjustmentReason.LOST,
                                false, DESK, AT),
                        new StockAdjustedEvent(PRODUCT, STOCKTAKE, -1, COST, AdjustmentReason.LOST, 6, DESK, AT));
    }

    @Test
    void aCountEqualToTheLedgerAdjustsNothing() {
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 7, null, false, LIMIT, DESK, AT))
                .expectEvents(new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 7, 0, Money.zero("CNY"), null, false,
                        DESK, AT));
    }

    @Test
    void aShrinkageAboveTheLimitWaitsForASupervisor() {
        Money three = COST.times(3);
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 4, AdjustmentReason.THEFT, false, LIMIT, DESK, AT))
                .expectEvents(new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 4, -3, three, AdjustmentReason.THEFT,
                        true, DESK, AT));
        fixture.given(added(), delivered(7), new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 4, -3, three,
                        AdjustmentReason.THEFT, true, DESK, AT))
                .when(new ApproveAdjustmentCommand(PRODUCT, STOCKTAKE, true, BOSS, AT))
                .expectEvents(new StockAdjustedEvent(PRODUCT, STOCKTAKE, -3, three, AdjustmentReason.THEFT, 4, BOSS,
                        AT));
        fixture.given(added(), delivered(7), new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 4, -3, three,
                        AdjustmentReason.THEFT, true, DESK, AT))
                .when(new ApproveAdjustmentCommand(PRODUCT, STOCKTAKE, false, DESK, AT))
                .expectException(hasCode(ErrorCode.APPROVAL_NEEDS_SUPERVISOR));
    }

    @Test
    void aShrinkageExactlyAtTheLimitNeedsNoApproval() {
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 5, AdjustmentReason.LOST, false, COST.times(2), DESK,
                        AT))
                .expectEvents(new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 5, -2, COST.times(2),
                                AdjustmentReason.LOST, false, DESK, AT),
                        new StockAdjustedEvent(PRODUCT, STOCKTAKE, -2, COST.times(2), AdjustmentReason.LOST, 5, DESK,
                                AT));
    }

    @Test
    void aSupervisorsCountIsAdjustedAtOnceWhateverItsValue() {
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 9, AdjustmentReason.FOUND, true, LIMIT, BOSS, AT))
                .expectEvents(new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 9, 2, COST.times(2),
                                AdjustmentReason.FOUND, false, BOSS, AT),
                        new StockAdjustedEvent(PRODUCT, STOCKTAKE, 2, COST.times(2), AdjustmentReason.FOUND, 9, BOSS,
                                AT));
    }

    @Test
    void refusesACountWithoutReasonOrOutOfRangeOrTwice() {
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 6, null, false, LIMIT, DESK, AT))
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
        fixture.given(added(), delivered(7))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, -1, AdjustmentReason.LOST, false, LIMIT, DESK, AT))
                .expectException(hasCode(ErrorCode.INVALID_QUANTITY));
        fixture.given(added(), delivered(7), new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 7, 0,
                        Money.zero("CNY"), null, false, DESK, AT))
                .when(new CountStockCommand(PRODUCT, STOCKTAKE, 7, null, false, LIMIT, DESK, AT))
                .expectException(hasCode(ErrorCode.MOVEMENT_ALREADY_RECORDED));
    }

    @Test
    void refusesApprovingAStocktakeThatWaitsForNothing() {
        fixture.given(added(), delivered(7), new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 7, 0,
                        Money.zero("CNY"), null, false, DESK, AT))
                .when(new ApproveAdjustmentCommand(PRODUCT, STOCKTAKE, true, BOSS, AT))
                .expectException(hasCode(ErrorCode.ADJUSTMENT_NOT_PENDING));
        fixture.given(added(), delivered(7))
                .when(new ApproveAdjustmentCommand(PRODUCT, STOCKTAKE, true, BOSS, AT))
                .expectException(hasCode(ErrorCode.STOCKTAKE_NOT_FOUND));
    }

    @Test
    void anApprovedShrinkageNeverTakesStockBelowZero() {
        Money three = COST.times(3);
        fixture.given(added(), delivered(7), new StocktakeCountedEvent(PRODUCT, STOCKTAKE, 7, 4, -3, three,
                        AdjustmentReason.THEFT, true, DESK, AT), sold(SALE, 5, 2))
                .when(new ApproveAdjustmentCommand(PRODUCT, STOCKTAKE, true, BOSS, AT))
                .expectException(hasCode(ErrorCode.OUT_OF_STOCK));
    }

    // ---------------------------------------------------------------- transfers

    @Test
    void aTransferLeavesForAnotherCentreAtCost() {
        fixture.given(added(), delivered(10))
                .when(new SendTransferCommand(PRODUCT, TRANSFER, EAST, 4, DESK, AT))
                .expectEvents(new TransferSentEvent(PRODUCT, TRANSFER, EAST, 4, COST, 6, DESK, AT));
    }

    @Test
    void refusesATransferToItsOwnCentreOrBeyondStock() {
        fixture.given(added(), delivered(10))
                .when(new SendTransferCommand(PRODUCT, TRANSFER, CENTRE, 4, DESK, AT))
                .expectException(hasCode(ErrorCode.TRANSFER_TO_SAME_CENTRE));
        fixture.given(added(), delivered(3))
                .when(new SendTransferCommand(PRODUCT, TRANSFER, EAST, 4, DESK, AT))
                .expectException(hasCode(ErrorCode.OUT_OF_STOCK));
    }

    @Test
    void aTransferArrivesFromAnotherCentreOnce() {
        ProductId from = ProductId.of(EAST, CODE);
        fixture.given(added())
                .when(new ReceiveTransferCommand(PRODUCT, TRANSFER, EAST, from, 4, COST, DESK, AT))
                .expectEvents(new TransferReceivedEvent(PRODUCT, TRANSFER, EAST, from, 4, COST, 0, 4, 0, COST, DESK,
                        AT));
        fixture.given(added(), new TransferReceivedEvent(PRODUCT, TRANSFER, EAST, from, 4, COST, 0, 4, 0, COST, DESK,
                        AT))
                .when(new ReceiveTransferCommand(PRODUCT, TRANSFER, EAST, from, 4, COST, DESK, AT))
                .expectException(hasCode(ErrorCode.MOVEMENT_ALREADY_RECORDED));
        fixture.given(added())
                .when(new ReceiveTransferCommand(PRODUCT, TRANSFER, CENTRE, from, 4, COST, DESK, AT))
                .expectException(hasCode(ErrorCode.TRANSFER_TO_SAME_CENTRE));
    }
}
