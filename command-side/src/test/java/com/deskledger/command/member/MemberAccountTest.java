package com.deskledger.command.member;

import com.deskledger.command.FakeVault;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.AttendancePolicy;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.MembershipExtension;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.ProductCategory;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.PurchaseKind;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.member.SaleLine;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.command.ApproveRefundCommand;
import com.deskledger.kernel.member.command.ChangeContactDetailsCommand;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.member.command.EnrolMemberCommand;
import com.deskledger.kernel.member.command.EraseMemberCommand;
import com.deskledger.kernel.member.command.FreezeMemberCommand;
import com.deskledger.kernel.member.command.LineQuantity;
import com.deskledger.kernel.member.command.ProductLine;
import com.deskledger.kernel.member.command.PurchasePackageCommand;
import com.deskledger.kernel.member.command.RecordNoShowCommand;
import com.deskledger.kernel.member.command.RefundPurchaseCommand;
import com.deskledger.kernel.member.command.RejectRefundCommand;
import com.deskledger.kernel.member.command.RenewPackageCommand;
import com.deskledger.kernel.member.command.RequestLeaveCommand;
import com.deskledger.kernel.member.command.SellProductsCommand;
import com.deskledger.kernel.member.command.UnfreezeMemberCommand;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.ContactDetailsChangedEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.member.event.MemberFrozenEvent;
import com.deskledger.kernel.member.event.MemberUnfrozenEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.member.event.ProductsSoldEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import com.deskledger.kernel.member.event.RefundRejectedEvent;
import com.deskledger.kernel.member.event.RefundRequestedEvent;
import com.deskledger.kernel.visit.VisitId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

class MemberAccountTest {

    private static final MemberId MEMBER = MemberId.of("3f7c2a10-0000-4000-8000-000000000001");
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId DESK = StaffId.of("reception");
    private static final StaffId MANAGER = StaffId.of("manager");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final Instant ENROLLED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant BOUGHT = Instant.parse("2026-03-02T02:30:00Z");
    private static final Instant DAY_LATER = BOUGHT.plus(Duration.ofDays(1));
    private static final Instant SEVEN_DAYS_LATER = BOUGHT.plus(Duration.ofDays(7));
    private static final Instant EIGHT_DAYS_LATER = BOUGHT.plus(Duration.ofDays(8));

    private static final PurchaseId PACK = PurchaseId.of("00000000-0000-4000-8000-0000000000a1");
    private static final PurchaseId PACK_2 = PurchaseId.of("00000000-0000-4000-8000-0000000000a2");
    private static final PurchaseId MEMBERSHIP = PurchaseId.of("00000000-0000-4000-8000-0000000000b1");
    private static final PurchaseId RENEWAL = PurchaseId.of("00000000-0000-4000-8000-0000000000b2");
    private static final PurchaseId SALE = PurchaseId.of("00000000-0000-4000-8000-0000000000c1");
    private static final RefundId REFUND = RefundId.of("00000000-0000-4000-8000-0000000000d1");
    private static final RefundId REFUND_2 = RefundId.of("00000000-0000-4000-8000-0000000000d2");

    /** 10 classes for 1,990.00 CNY. */
    private static final Money PACK_PRICE = Money.of(199_000, "CNY");
    private static final Money TOY_PRICE = Money.of(8_950, "CNY");
    private static final Money MUG_PRICE = Money.of(3_500, "CNY");

    /** 2026-03-01 to 2026-04-01 (exclusive) in Shanghai. */
    private static final Instant MARCH_1 = Instant.parse("2026-02-28T16:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2026-03-31T16:00:00Z");

    private static final ClassSession MONDAY = new ClassSession("phonics-a1", Instant.parse("2026-03-09T10:00:00Z"),
            "room 2");
    private static final ClassSession TUESDAY = new ClassSession("phonics-a1",
            Instant.parse("2026-03-10T10:00:00Z"), "room 2");
    private static final AttendancePolicy STRICT = new AttendancePolicy(Duration.ofHours(24), true, true);
    private static final AttendancePolicy LENIENT = new AttendancePolicy(Duration.ofHours(24), false, false);

    private FixtureConfiguration<MemberAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAccount.class);
        fixture.registerInjectableResource(new FakeVault());
    }

    // ---------------------------------------------------------------- enrolment

    @Test
    void enrolsAChildWithEveryPersonalValueSealed() {
        VisitId visit = VisitId.random();
        fixture.givenNoPriorActivity()
                .when(new EnrolMemberCommand(MEMBER, CENTRE, MemberKind.CHILD, "Xiao Ming", null, "Wang Fang",
                        "13812345678", null, "fang@example.com", visit, "CNY", DESK, ENROLLED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberEnrolledEvent(MEMBER, CENTRE, MemberKind.CHILD, sealed("Xiao Ming"), null,
                        sealed("Wang Fang"), sealed("13812345678"), null, sealed("fang@example.com"), visit, "CNY",
                        DESK, ENROLLED));
    }

    @Test
    void rejectsAChildWithoutAGuardian() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMemberCommand(MEMBER, CENTRE, MemberKind.CHILD, "Xiao Ming", null, null, null,
                        "13812345678", null, null, "CNY", DESK, ENROLLED))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.GUARDIAN_REQUIRED));
    }

    @Test
    void rejectsAMemberWithNeitherIdNumberNorPhone() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMemberCommand(MEMBER, CENTRE, MemberKind.ADULT, "Li Lei", null, null, null, null,
                        "li@example.com", null, "CNY", DESK, ENROLLED))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.IDENTITY_REQUIRED));
    }

    @Test
    void rejectsABlankName() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMemberCommand(MEMBER, CENTRE, MemberKind.ADULT, " ", "110101199003074578", null,
                        null, null, null, null, "CNY", DESK, ENROLLED))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    // ---------------------------------------------------------------- packages

    @Test
    void theFirstPackageIsNotARenewalAndTheNextOneIs() {
        fixture.given(enrolled())
                .when(buyPack(PACK, 10, BOUGHT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectEvents(packBought(PACK, 10, false, BOUGHT));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(buyPack(PACK_2, 20, DAY_LATER))
                .expectResultMessagePayload(true)
                .expectEvents(packBought(PACK_2, 20, true, DAY_LATER));
    }

    @Test
    void buysATimeMembership() {
        fixture.given(enrolled())
                .when(new PurchasePackageCommand(MEMBER, MEMBERSHIP, "March unlimited", PackageKind.TIME_MEMBERSHIP,
                        null, MARCH_1, APRIL_1, PACK_PRICE, PaymentMethod.ALIPAY, "INV-2", DESK, BOUGHT))
                .expectEvents(membershipBought());
    }

    @Test
    void rejectsACreditPackWithoutCredits() {
        fixture.given(enrolled())
                .when(buyPack(PACK, 0, BOUGHT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.INVALID_PACKAGE));
    }

    @Test
    void rejectsAMembershipThatEndsBeforeItStarts() {
        fixture.given(enrolled())
                .when(new PurchasePackageCommand(MEMBER, MEMBERSHIP, "March", PackageKind.TIME_MEMBERSHIP, null,
                        APRIL_1, MARCH_1, PACK_PRICE, PaymentMethod.CASH, null, DESK, BOUGHT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.INVALID_PACKAGE));
    }

    @Test
    void rejectsAPriceInAnotherCurrency() {
        fixture.given(enrolled())
                .when(new PurchasePackageCommand(MEMBER, PACK, "10 classes", PackageKind.CREDIT_PACK, 10, null, null,
                        Money.of(19_900, "USD"), PaymentMethod.CARD, null, DESK, BOUGHT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void rejectsANegativePrice() {
        fixture.given(enrolled())
                .when(new PurchasePackageCommand(MEMBER, PACK, "10 classes", PackageKind.CREDIT_PACK, 10, null, null,
                        Money.of(-1, "CNY"), PaymentMethod.CARD, null, DESK, BOUGHT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.INVALID_PACKAGE));
    }

    @Test
    void renewsACreditPackWithTheSameCreditsAtTodaysPrice() {
        Money newPrice = Money.of(209_000, "CNY");
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RenewPackageCommand(MEMBER, PACK_2, PACK, newPrice, PaymentMethod.CASH, "INV-9", SHANGHAI,
                        DESK, DAY_LATER))
                .expectEvents(new PackagePurchasedEvent(MEMBER, PACK_2, "10 classes", PackageKind.CREDIT_PACK, 10,
                        null, null, newPrice, PaymentMethod.CASH, "INV-9", true, PACK, DESK, DAY_LATER));
    }

    @Test
    void renewsARunningMembershipFromItsEndForAsManyDays() {
        Instant may2 = Instant.parse("2026-05-01T16:00:00Z"); // March had 31 days: April 1 to May 1 inclusive
        fixture.given(enrolled(), membershipBought())
                .when(new RenewPackageCommand(MEMBER, RENEWAL, MEMBERSHIP, PACK_PRICE, PaymentMethod.CASH, null,
                        SHANGHAI, DESK, Instant.parse("2026-03-25T02:00:00Z")))
                .expectEvents(new PackagePurchasedEvent(MEMBER, RENEWAL, "March unlimited",
                        PackageKind.TIME_MEMBERSHIP, null, APRIL_1, may2, PACK_PRICE, PaymentMethod.CASH, null, true,
                        MEMBERSHIP, DESK, Instant.parse("2026-03-25T02:00:00Z")));
    }

    @Test
    void renewsAnExpiredMembershipFromToday() {
        Instant renewedAt = Instant.parse("2026-04-10T02:00:00Z");
        Instant april10 = Instant.parse("2026-04-09T16:00:00Z");
        Instant may11 = Instant.parse("2026-05-10T16:00:00Z");
        fixture.given(enrolled(), membershipBought())
                .when(new RenewPackageCommand(MEMBER, RENEWAL, MEMBERSHIP, PACK_PRICE, PaymentMethod.CASH, null,
                        SHANGHAI, DESK, renewedAt))
                .expectEvents(new PackagePurchasedEvent(MEMBER, RENEWAL, "March unlimited",
                        PackageKind.TIME_MEMBERSHIP, null, april10, may11, PACK_PRICE, PaymentMethod.CASH, null, true,
                        MEMBERSHIP, DESK, renewedAt));
    }

    @Test
    void rejectsRenewingADeskSale() {
        fixture.given(enrolled(), toySold())
                .when(new RenewPackageCommand(MEMBER, RENEWAL, SALE, PACK_PRICE, PaymentMethod.CASH, null, SHANGHAI,
                        DESK, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.PACKAGE_NOT_RENEWABLE));
    }

    @Test
    void rejectsRenewingAnUnknownPackage() {
        fixture.given(enrolled())
                .when(new RenewPackageCommand(MEMBER, RENEWAL, PACK, PACK_PRICE, PaymentMethod.CASH, null, SHANGHAI,
                        DESK, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.PURCHASE_NOT_FOUND));
    }

    // ---------------------------------------------------------------- desk sales

    @Test
    void sellsLinesWithAnExactTotal() {
        fixture.given(enrolled())
                .when(new SellProductsCommand(MEMBER, SALE, List.of(
                        new ProductLine("TOY-CAR", "Wooden car", ProductCategory.TOY, 2, TOY_PRICE),
                        new ProductLine("MUG", "Centre mug", ProductCategory.MERCHANDISE, 3, MUG_PRICE)),
                        PaymentMethod.WECHAT_PAY, "INV-7", DESK, BOUGHT))
                .expectEvents(new ProductsSoldEvent(MEMBER, SALE, List.of(
                        new SaleLine(1, "TOY-CAR", "Wooden car", ProductCategory.TOY, 2, TOY_PRICE,
                                Money.of(17_900, "CNY")),
                        new SaleLine(2, "MUG", "Centre mug", ProductCategory.MERCHANDISE, 3, MUG_PRICE,
                                Money.of(10_500, "CNY"))),
                        Money.of(28_400, "CNY"), PaymentMethod.WECHAT_PAY, "INV-7", DESK, BOUGHT));
    }

    @Test
    void rejectsASaleWithoutLines() {
        fixture.given(enrolled())
                .when(new SellProductsCommand(MEMBER, SALE, List.of(), PaymentMethod.CASH, null, DESK, BOUGHT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.INVALID_SALE));
    }

    @Test
    void rejectsALineWithoutUnits() {
        fixture.given(enrolled())
                .when(new SellProductsCommand(MEMBER, SALE, List.of(new ProductLine("TOY-CAR", null,
                        ProductCategory.TOY, 0, TOY_PRICE)), PaymentMethod.CASH, null, DESK, BOUGHT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.INVALID_SALE));
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void refundsWithinSevenDaysWithoutReasonOrApproval() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), checkedIn(MONDAY, 9))
                .when(refund(REFUND, PACK, Money.of(179_100, "CNY"), null, false, SEVEN_DAYS_LATER))
                .expectResultMessagePayload(com.deskledger.kernel.member.RefundStatus.REFUNDED)
                .expectEvents(new PurchaseRefundedEvent(MEMBER, REFUND, PACK, PurchaseKind.PACKAGE,
                        Money.of(179_100, "CNY"), List.of(), 9, 0, null, true, null, null, DESK, SEVEN_DAYS_LATER));
    }

    @Test
    void rejectsALateRefundWithoutAReason() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(refund(REFUND, PACK, PACK_PRICE, null, true, EIGHT_DAYS_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_REASON_REQUIRED));
    }

    @Test
    void aLateRefundAskedAtTheDeskWaitsForAManager() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(refund(REFUND, PACK, PACK_PRICE, "moving away", false, EIGHT_DAYS_LATER))
                .expectResultMessagePayload(com.deskledger.kernel.member.RefundStatus.AWAITING_APPROVAL)
                .expectEvents(new RefundRequestedEvent(MEMBER, REFUND, PACK, PACK_PRICE, List.of(),
                        sealed("moving away"), DESK, EIGHT_DAYS_LATER));
    }

    @Test
    void aManagerApprovesAWaitingRefundAndItsUnusedCreditsGoBack() {
        Instant approved = EIGHT_DAYS_LATER.plus(Duration.ofHours(3));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), checkedIn(MONDAY, 9), lateRefundAsked())
                .when(new ApproveRefundCommand(MEMBER, REFUND, MANAGER, approved))
                .expectEvents(new PurchaseRefundedEvent(MEMBER, REFUND, PACK, PurchaseKind.PACKAGE, PACK_PRICE,
                        List.of(), 9, 0, null, false, MANAGER, sealed("moving away"), DESK, approved));
    }

    @Test
    void aLateRefundByAManagerIsApprovedAtOnce() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(refund(REFUND, PACK, PACK_PRICE, "moving away", true, EIGHT_DAYS_LATER))
                .expectEvents(new PurchaseRefundedEvent(MEMBER, REFUND, PACK, PurchaseKind.PACKAGE, PACK_PRICE,
                        List.of(), 10, 0, null, false, DESK, sealed("moving away"), DESK, EIGHT_DAYS_LATER));
    }

    @Test
    void aRejectedRefundFreesItsAmountForAnotherRequest() {
        Instant rejected = EIGHT_DAYS_LATER.plus(Duration.ofHours(1));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), lateRefundAsked())
                .when(new RejectRefundCommand(MEMBER, REFUND, MANAGER, "classes were taken", rejected))
                .expectEvents(new RefundRejectedEvent(MEMBER, REFUND, PACK, PACK_PRICE, MANAGER,
                        sealed("classes were taken"), rejected));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), lateRefundAsked(),
                        new RefundRejectedEvent(MEMBER, REFUND, PACK, PACK_PRICE, MANAGER, null, rejected))
                .when(refund(REFUND_2, PACK, PACK_PRICE, "second try", false, rejected))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RefundRequestedEvent(MEMBER, REFUND_2, PACK, PACK_PRICE, List.of(),
                        sealed("second try"), DESK, rejected));
    }

    @Test
    void aWaitingRefundCountsAgainstWhatCanStillBeRefunded() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), lateRefundAsked())
                .when(refund(REFUND_2, PACK, Money.of(1, "CNY"), "one more fen", true, EIGHT_DAYS_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_EXCEEDS_PAID));
    }

    @Test
    void rejectsDecidingARefundTwice() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), lateRefundAsked(),
                        new PurchaseRefundedEvent(MEMBER, REFUND, PACK, PurchaseKind.PACKAGE, PACK_PRICE, List.of(),
                                10, 0, null, false, MANAGER, null, DESK, EIGHT_DAYS_LATER))
                .when(new ApproveRefundCommand(MEMBER, REFUND, MANAGER, EIGHT_DAYS_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_NOT_PENDING));
    }

    @Test
    void rejectsApprovingAnUnknownRefund() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new ApproveRefundCommand(MEMBER, REFUND, MANAGER, EIGHT_DAYS_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_NOT_FOUND));
    }

    @Test
    void neverRefundsMoreThanWasPaid() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(refund(REFUND, PACK, PACK_PRICE.plus(Money.of(1, "CNY")), null, false, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_EXCEEDS_PAID));
    }

    @Test
    void partialRefundsTogetherNeverExceedWhatWasPaid() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT),
                        new PurchaseRefundedEvent(MEMBER, REFUND, PACK, PurchaseKind.PACKAGE, Money.of(150_000, "CNY"),
                                List.of(), 10, 0, null, true, null, null, DESK, DAY_LATER))
                .when(refund(REFUND_2, PACK, Money.of(49_001, "CNY"), null, false, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_EXCEEDS_PAID));
    }

    @Test
    void aRefundedCreditPackHasNoCreditsLeftToCheckInWith() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT),
                        new PurchaseRefundedEvent(MEMBER, REFUND, PACK, PurchaseKind.PACKAGE, PACK_PRICE, List.of(),
                                10, 0, null, true, null, null, DESK, DAY_LATER))
                .when(checkIn(MONDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_CREDITS_LEFT));
    }

    @Test
    void refundingAMembershipEndsItThen() {
        Instant refundedAt = Instant.parse("2026-03-05T02:00:00Z");
        fixture.given(enrolled(), membershipBought())
                .when(refund(REFUND, MEMBERSHIP, Money.of(100_000, "CNY"), null, false, refundedAt))
                .expectEvents(new PurchaseRefundedEvent(MEMBER, REFUND, MEMBERSHIP, PurchaseKind.PACKAGE,
                        Money.of(100_000, "CNY"), List.of(), 0, null, refundedAt, true, null, null, DESK,
                        refundedAt));
        fixture.given(enrolled(), membershipBought(),
                        new PurchaseRefundedEvent(MEMBER, REFUND, MEMBERSHIP, PurchaseKind.PACKAGE,
                                Money.of(100_000, "CNY"), List.of(), 0, null, refundedAt, true, null, null, DESK,
                                refundedAt))
                .when(checkIn(MONDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_ACTIVE_PACKAGE));
    }

    @Test
    void refundsTheUnitsOfADeskSaleLineByLine() {
        fixture.given(enrolled(), toySold())
                .when(new RefundPurchaseCommand(MEMBER, REFUND, SALE, null, List.of(new LineQuantity(1, 1)), null,
                        DESK, false, DAY_LATER))
                .expectEvents(new PurchaseRefundedEvent(MEMBER, REFUND, SALE, PurchaseKind.PRODUCTS, TOY_PRICE,
                        List.of(new RefundLine(1, "TOY-CAR", 1, TOY_PRICE)), 0, null, null, true, null, null, DESK,
                        DAY_LATER));
    }

    @Test
    void refundsEveryUnitLeftWhenNoLineIsNamed() {
        fixture.given(enrolled(), toySold(), toyRefunded(1))
                .when(new RefundPurchaseCommand(MEMBER, REFUND_2, SALE, null, List.of(), null, DESK, false,
                        DAY_LATER))
                .expectEvents(new PurchaseRefundedEvent(MEMBER, REFUND_2, SALE, PurchaseKind.PRODUCTS, TOY_PRICE,
                        List.of(new RefundLine(1, "TOY-CAR", 1, TOY_PRICE)), 0, null, null, true, null, null, DESK,
                        DAY_LATER));
    }

    @Test
    void neverGivesBackMoreUnitsThanWereSold() {
        fixture.given(enrolled(), toySold(), toyRefunded(1))
                .when(new RefundPurchaseCommand(MEMBER, REFUND_2, SALE, null, List.of(new LineQuantity(1, 2)), null,
                        DESK, false, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_EXCEEDS_PAID));
        fixture.given(enrolled(), toySold(), toyRefunded(2))
                .when(new RefundPurchaseCommand(MEMBER, REFUND_2, SALE, null, List.of(), null, DESK, false,
                        DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUND_EXCEEDS_PAID));
    }

    @Test
    void aDeskSaleIsNotRefundedByAnAmount() {
        fixture.given(enrolled(), toySold())
                .when(refund(REFUND, SALE, TOY_PRICE, null, false, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.INVALID_REFUND));
    }

    @Test
    void rejectsARefundOfAnUnknownPurchase() {
        fixture.given(enrolled())
                .when(refund(REFUND, PACK, PACK_PRICE, null, false, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.PURCHASE_NOT_FOUND));
    }

    // ---------------------------------------------------------------- attendance

    @Test
    void checkInConsumesACreditOfTheOldestPack() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), packBought(PACK_2, 5, true, DAY_LATER))
                .when(checkIn(MONDAY))
                .expectResultMessagePayload(9)
                .expectEvents(checkedIn(MONDAY, 9));
    }

    @Test
    void checkInMovesToTheNextPackWhenTheFirstIsUsedUp() {
        fixture.given(enrolled(), packBought(PACK, 1, false, BOUGHT), packBought(PACK_2, 5, true, DAY_LATER),
                        checkedIn(MONDAY, 0))
                .when(checkIn(TUESDAY))
                .expectEvents(new ClassCheckedInEvent(MEMBER, TUESDAY, PACK_2, true, 4, DESK, DAY_LATER));
    }

    @Test
    void checkInUnderATimeMembershipConsumesNothing() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), membershipBought())
                .when(checkIn(MONDAY))
                .expectEvents(new ClassCheckedInEvent(MEMBER, MONDAY, MEMBERSHIP, false, null, DESK, DAY_LATER));
    }

    @Test
    void rejectsCheckInWithoutCredits() {
        fixture.given(enrolled(), packBought(PACK, 1, false, BOUGHT), checkedIn(MONDAY, 0))
                .when(checkIn(TUESDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_CREDITS_LEFT));
    }

    @Test
    void rejectsCheckInWithoutAnyPackage() {
        fixture.given(enrolled())
                .when(checkIn(MONDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_ACTIVE_PACKAGE));
    }

    @Test
    void rejectsCheckInOutsideTheMembershipsDates() {
        ClassSession inApril = new ClassSession("phonics-a1", Instant.parse("2026-04-06T10:00:00Z"), "room 2");
        fixture.given(enrolled(), membershipBought())
                .when(checkIn(inApril))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_ACTIVE_PACKAGE));
    }

    @Test
    void rejectsASecondCheckInToTheSameSessionEvenInAnotherRoom() {
        ClassSession sameSessionOtherRoom = new ClassSession(MONDAY.classCode(), MONDAY.scheduledStart(), "room 5");
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), checkedIn(MONDAY, 9))
                .when(checkIn(sameSessionOtherRoom))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.ALREADY_CHECKED_IN));
    }

    @Test
    void attendanceOfASessionOlderThanTheWindowIsRefused() {
        Instant tooLate = MONDAY.scheduledStart().plus(MemberAccount.ATTENDANCE_WINDOW).plusSeconds(1);
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new CheckInCommand(MEMBER, MONDAY, DESK, tooLate))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ATTENDANCE_WINDOW_CLOSED));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RecordNoShowCommand(MEMBER, MONDAY, STRICT, DESK, tooLate))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ATTENDANCE_WINDOW_CLOSED));
    }

    @Test
    void attendanceIsStillRecordedOnTheWindowsLastDay() {
        Instant lastDay = MONDAY.scheduledStart().plus(MemberAccount.ATTENDANCE_WINDOW).minusSeconds(60);
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new CheckInCommand(MEMBER, MONDAY, DESK, lastDay))
                .expectEvents(new ClassCheckedInEvent(MEMBER, MONDAY, PACK, true, 9, DESK, lastDay));
    }

    @Test
    void theStateForgetsSessionsThatCanNoLongerBeRecordedButStillRefusesRecentOnes() {
        ClassSession later = new ClassSession("phonics-a1", MONDAY.scheduledStart().plus(Duration.ofDays(40)),
                "room 2");
        Instant atLater = later.scheduledStart().minus(Duration.ofMinutes(5));
        MemberAccount account = new MemberAccount();
        account.on(enrolled());
        account.on(packBought(PACK, 10, false, BOUGHT));
        account.on(checkedIn(MONDAY, 9));
        account.on(new ClassCheckedInEvent(MEMBER, later, PACK, true, 8, DESK, atLater));
        assertThat(account.settledSessionKeys()).containsExactly(later.key());

        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), checkedIn(MONDAY, 9),
                        new ClassCheckedInEvent(MEMBER, later, PACK, true, 8, DESK, atLater))
                .when(new CheckInCommand(MEMBER, later, DESK, atLater.plusSeconds(30)))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.ALREADY_CHECKED_IN));
    }

    @Test
    void rejectsCheckInWhileFrozen() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), frozen(BOUGHT))
                .when(checkIn(MONDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_FROZEN));
    }

    @Test
    void rejectsCheckInAfterLeaveForTheSameSession() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), leaveInTime())
                .when(checkIn(MONDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_RECORDED));
    }

    @Test
    void aLeaveInTimeConsumesNothing() {
        Instant twoDaysBefore = MONDAY.scheduledStart().minus(Duration.ofDays(2));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RequestLeaveCommand(MEMBER, MONDAY, "a cold", STRICT, DESK, twoDaysBefore))
                .expectResultMessagePayload(com.deskledger.kernel.member.AttendanceStatus.ON_LEAVE)
                .expectEvents(new LeaveRequestedEvent(MEMBER, MONDAY, false, false, null, null, sealed("a cold"),
                        DESK, twoDaysBefore));
    }

    @Test
    void aLateLeaveConsumesACreditUnderAStrictPolicy() {
        Instant hourBefore = MONDAY.scheduledStart().minus(Duration.ofHours(1));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RequestLeaveCommand(MEMBER, MONDAY, null, STRICT, DESK, hourBefore))
                .expectResultMessagePayload(com.deskledger.kernel.member.AttendanceStatus.LATE_LEAVE)
                .expectEvents(new LeaveRequestedEvent(MEMBER, MONDAY, true, true, PACK, 9, null, DESK, hourBefore));
    }

    @Test
    void aLateLeaveKeepsTheCreditUnderALenientPolicy() {
        Instant hourBefore = MONDAY.scheduledStart().minus(Duration.ofHours(1));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RequestLeaveCommand(MEMBER, MONDAY, null, LENIENT, DESK, hourBefore))
                .expectEvents(new LeaveRequestedEvent(MEMBER, MONDAY, true, false, null, null, null, DESK,
                        hourBefore));
    }

    @Test
    void aLateLeaveUnderAMembershipConsumesNothing() {
        Instant hourBefore = MONDAY.scheduledStart().minus(Duration.ofHours(1));
        fixture.given(enrolled(), membershipBought())
                .when(new RequestLeaveCommand(MEMBER, MONDAY, null, STRICT, DESK, hourBefore))
                .expectEvents(new LeaveRequestedEvent(MEMBER, MONDAY, true, false, null, null, null, DESK,
                        hourBefore));
    }

    @Test
    void rejectsLeaveOnceTheClassStarted() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RequestLeaveCommand(MEMBER, MONDAY, null, STRICT, DESK, MONDAY.scheduledStart()))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.LEAVE_AFTER_START));
    }

    @Test
    void aNoShowConsumesACreditUnderAStrictPolicyAndNothingUnderALenientOne() {
        Instant after = MONDAY.scheduledStart().plus(Duration.ofHours(2));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RecordNoShowCommand(MEMBER, MONDAY, STRICT, DESK, after))
                .expectEvents(new NoShowRecordedEvent(MEMBER, MONDAY, true, PACK, 9, DESK, after));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RecordNoShowCommand(MEMBER, MONDAY, LENIENT, DESK, after))
                .expectEvents(new NoShowRecordedEvent(MEMBER, MONDAY, false, null, null, DESK, after));
    }

    @Test
    void aNoShowWithoutCreditsIsRecordedWithoutCharge() {
        Instant after = TUESDAY.scheduledStart().plus(Duration.ofHours(2));
        fixture.given(enrolled(), packBought(PACK, 1, false, BOUGHT), checkedIn(MONDAY, 0))
                .when(new RecordNoShowCommand(MEMBER, TUESDAY, STRICT, DESK, after))
                .expectEvents(new NoShowRecordedEvent(MEMBER, TUESDAY, false, null, null, DESK, after));
    }

    @Test
    void rejectsANoShowBeforeTheClassStarts() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new RecordNoShowCommand(MEMBER, MONDAY, STRICT, DESK,
                        MONDAY.scheduledStart().minusSeconds(1)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NO_SHOW_BEFORE_START));
    }

    @Test
    void rejectsANoShowForAMemberWhoCheckedIn() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), checkedIn(MONDAY, 9))
                .when(new RecordNoShowCommand(MEMBER, MONDAY, STRICT, DESK, MONDAY.scheduledStart().plusSeconds(60)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.SESSION_ALREADY_RECORDED));
    }

    // ---------------------------------------------------------------- freeze

    @Test
    void unfreezingExtendsRunningMembershipsByTheFrozenDays() {
        Instant frozenAt = Instant.parse("2026-03-10T02:00:00Z");
        Instant unfrozenAt = Instant.parse("2026-03-14T09:00:00Z"); // 4 days 7 hours: 5 started days
        fixture.given(enrolled(), membershipBought(), packBought(PACK, 10, false, BOUGHT), frozen(frozenAt))
                .when(new UnfreezeMemberCommand(MEMBER, DESK, unfrozenAt))
                .expectEvents(new MemberUnfrozenEvent(MEMBER, frozenAt, 5,
                        List.of(new MembershipExtension(MEMBERSHIP, APRIL_1.plus(Duration.ofDays(5)))), DESK,
                        unfrozenAt));
    }

    @Test
    void anExtendedMembershipCoversClassesAfterItsOldEnd() {
        Instant frozenAt = Instant.parse("2026-03-10T02:00:00Z");
        ClassSession april2 = new ClassSession("phonics-a1", Instant.parse("2026-04-02T02:00:00Z"), null);
        fixture.given(enrolled(), membershipBought(), frozen(frozenAt),
                        new MemberUnfrozenEvent(MEMBER, frozenAt, 5, List.of(new MembershipExtension(MEMBERSHIP,
                                APRIL_1.plus(Duration.ofDays(5)))), DESK, frozenAt.plus(Duration.ofDays(5))))
                .when(checkIn(april2))
                .expectEvents(new ClassCheckedInEvent(MEMBER, april2, MEMBERSHIP, false, null, DESK, DAY_LATER));
    }

    @Test
    void anEndedMembershipIsNotExtended() {
        Instant frozenAt = Instant.parse("2026-04-10T02:00:00Z");
        Instant unfrozenAt = Instant.parse("2026-04-12T02:00:00Z");
        fixture.given(enrolled(), membershipBought(), frozen(frozenAt))
                .when(new UnfreezeMemberCommand(MEMBER, DESK, unfrozenAt))
                .expectEvents(new MemberUnfrozenEvent(MEMBER, frozenAt, 2, List.of(), DESK, unfrozenAt));
    }

    @Test
    void rejectsFreezingTwiceAndUnfreezingWhenNotFrozen() {
        fixture.given(enrolled(), frozen(BOUGHT))
                .when(new FreezeMemberCommand(MEMBER, null, DESK, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_FROZEN));
        fixture.given(enrolled())
                .when(new UnfreezeMemberCommand(MEMBER, DESK, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_NOT_FROZEN));
    }

    @Test
    void countsEveryStartedDayAsFrozen() {
        Instant from = Instant.parse("2026-03-10T02:00:00Z");
        assertThat(MemberAccount.frozenDays(from, from)).isZero();
        assertThat(MemberAccount.frozenDays(from, from.plusSeconds(1))).isEqualTo(1);
        assertThat(MemberAccount.frozenDays(from, from.plus(Duration.ofDays(2)))).isEqualTo(2);
        assertThat(MemberAccount.frozenDays(from, from.plus(Duration.ofDays(2)).plusSeconds(1))).isEqualTo(3);
    }

    // ---------------------------------------------------------------- contact and erasure

    @Test
    void changesContactDetailsSealed() {
        fixture.given(enrolled())
                .when(new ChangeContactDetailsCommand(MEMBER, null, "new@example.com", null, "13900001111", DESK,
                        DAY_LATER))
                .expectEvents(new ContactDetailsChangedEvent(MEMBER, null, sealed("new@example.com"), null,
                        sealed("13900001111"), DESK, DAY_LATER));
    }

    @Test
    void rejectsAContactChangeThatChangesNothing() {
        fixture.given(enrolled())
                .when(new ChangeContactDetailsCommand(MEMBER, null, " ", null, null, DESK, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.NOTHING_TO_CHANGE));
    }

    @Test
    void erasesOnceAndThenTheAccountIsClosed() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT))
                .when(new EraseMemberCommand(MEMBER, MANAGER, DAY_LATER))
                .expectEvents(new MemberErasedEvent(MEMBER, MANAGER, DAY_LATER));
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT),
                        new MemberErasedEvent(MEMBER, MANAGER, DAY_LATER))
                .when(checkIn(MONDAY))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_ERASED));
        fixture.given(enrolled(), new MemberErasedEvent(MEMBER, MANAGER, DAY_LATER))
                .when(new EraseMemberCommand(MEMBER, MANAGER, DAY_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.MEMBER_ERASED));
    }

    @Test
    void rejectsErasureWhileARefundWaitsForAManager() {
        fixture.given(enrolled(), packBought(PACK, 10, false, BOUGHT), lateRefundAsked())
                .when(new EraseMemberCommand(MEMBER, MANAGER, EIGHT_DAYS_LATER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(ErrorCode.REFUNDS_WAITING));
    }

    // ---------------------------------------------------------------- snapshots

    @Test
    void theStateSurvivesTheSnapshotsJsonAndHoldsNothingPersonal() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        MemberAccount account = new MemberAccount();
        account.on(enrolled());
        account.on(packBought(PACK, 10, false, BOUGHT));
        account.on(toySold());
        account.on(lateRefundAsked());
        account.on(checkedIn(MONDAY, 9));
        String snapshot = json.writeValueAsString(account);
        assertThat(snapshot).doesNotContain("Xiao Ming", "13812345678");

        MemberAccount restored = json.readValue(snapshot, MemberAccount.class);
        assertThat(json.writeValueAsString(restored)).isEqualTo(snapshot);
        assertThat(json.readTree(snapshot).get("sessions").has(MONDAY.key())).isTrue();
        assertThat(json.readTree(snapshot).get("packages").get(PACK.value()).get("creditsLeft").asInt()).isEqualTo(9);
    }

    // ---------------------------------------------------------------- helpers

    private static MemberEnrolledEvent enrolled() {
        return new MemberEnrolledEvent(MEMBER, CENTRE, MemberKind.CHILD, sealed("Xiao Ming"), null,
                sealed("Wang Fang"), sealed("13812345678"), null, null, null, "CNY", DESK, ENROLLED);
    }

    private static PurchasePackageCommand buyPack(PurchaseId id, int credits, Instant at) {
        return new PurchasePackageCommand(MEMBER, id, "10 classes", PackageKind.CREDIT_PACK, credits, null, null,
                PACK_PRICE, PaymentMethod.WECHAT_PAY, "INV-1", DESK, at);
    }

    private static PackagePurchasedEvent packBought(PurchaseId id, int credits, boolean renewal, Instant at) {
        return new PackagePurchasedEvent(MEMBER, id, "10 classes", PackageKind.CREDIT_PACK, credits, null, null,
                PACK_PRICE, PaymentMethod.WECHAT_PAY, "INV-1", renewal, null, DESK, at);
    }

    private static PackagePurchasedEvent membershipBought() {
        return new PackagePurchasedEvent(MEMBER, MEMBERSHIP, "March unlimited", PackageKind.TIME_MEMBERSHIP, null,
                MARCH_1, APRIL_1, PACK_PRICE, PaymentMethod.ALIPAY, "INV-2", false, null, DESK, BOUGHT);
    }

    private static ProductsSoldEvent toySold() {
        return new ProductsSoldEvent(MEMBER, SALE, List.of(new SaleLine(1, "TOY-CAR", "Wooden car",
                ProductCategory.TOY, 2, TOY_PRICE, TOY_PRICE.times(2))), TOY_PRICE.times(2), PaymentMethod.CASH, null,
                DESK, BOUGHT);
    }

    private static PurchaseRefundedEvent toyRefunded(int units) {
        return new PurchaseRefundedEvent(MEMBER, REFUND, SALE, PurchaseKind.PRODUCTS, TOY_PRICE.times(units),
                List.of(new RefundLine(1, "TOY-CAR", units, TOY_PRICE.times(units))), 0, null, null, true, null, null,
                DESK, BOUGHT.plusSeconds(60));
    }

    private static RefundRequestedEvent lateRefundAsked() {
        return new RefundRequestedEvent(MEMBER, REFUND, PACK, PACK_PRICE, List.of(), sealed("moving away"), DESK,
                EIGHT_DAYS_LATER);
    }

    private static RefundPurchaseCommand refund(RefundId id, PurchaseId purchase, Money amount, String reason,
                                                boolean byManager, Instant at) {
        return new RefundPurchaseCommand(MEMBER, id, purchase, amount, List.of(), reason, DESK, byManager, at);
    }

    private static CheckInCommand checkIn(ClassSession session) {
        return new CheckInCommand(MEMBER, session, DESK, DAY_LATER);
    }

    private static ClassCheckedInEvent checkedIn(ClassSession session, int creditsLeft) {
        return new ClassCheckedInEvent(MEMBER, session, PACK, true, creditsLeft, DESK, DAY_LATER);
    }

    private static LeaveRequestedEvent leaveInTime() {
        return new LeaveRequestedEvent(MEMBER, MONDAY, false, false, null, null, null, DESK,
                MONDAY.scheduledStart().minus(Duration.ofDays(2)));
    }

    private static MemberFrozenEvent frozen(Instant at) {
        return new MemberFrozenEvent(MEMBER, null, DESK, at);
    }

    private static Sealed sealed(String plaintext) {
        return FakeVault.sealed(MEMBER, plaintext);
    }

}
