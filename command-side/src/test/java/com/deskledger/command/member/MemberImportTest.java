package com.deskledger.command.member;

import com.deskledger.command.FakeVault;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.ImportProvenance;
import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.MembershipExtension;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.PurchaseKind;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.member.command.ImportMemberCommand;
import com.deskledger.kernel.member.command.RefundPurchaseCommand;
import com.deskledger.kernel.member.command.UnfreezeMemberCommand;
import com.deskledger.kernel.member.event.ClassCheckedInEvent;
import com.deskledger.kernel.member.event.MemberImportedEvent;
import com.deskledger.kernel.member.event.MemberUnfrozenEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.deskledger.command.DomainExceptionMatchers.hasCode;

/** The rules of a member brought over from the old system (issue 20), and what the account holds afterwards. */
class MemberImportTest {

    private static final MemberId MEMBER = MemberId.of("3f7c2a10-0000-4000-8000-0000000000e1");
    private static final CentreId CENTRE = CentreId.of("main");
    private static final StaffId ADMIN = StaffId.of("admin");
    private static final StaffId DESK = StaffId.of("reception");
    private static final Instant IMPORTED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant BOUGHT_IN_MARCH = Instant.parse("2026-03-01T02:00:00Z");
    private static final PurchaseId PACK = PurchaseId.of("00000000-0000-4000-8000-0000000000f1");
    private static final Money PAID = Money.of(199_000, "CNY");
    private static final ImportProvenance ROW_7 = new ImportProvenance("import-1", "gms.csv", "ab12", 7, "GMS-0042",
            ADMIN);
    private static final ClassSession MONDAY = new ClassSession("phonics-a1", Instant.parse("2026-03-09T10:00:00Z"),
            "room 2");

    private FixtureConfiguration<MemberAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAccount.class);
        fixture.registerInjectableResource(new FakeVault());
    }

    private static ImportedPackage pack(Integer credits, Integer left) {
        return new ImportedPackage(PACK, "Phonics 10", PackageKind.CREDIT_PACK, credits, left, null, null, PAID,
                PaymentMethod.WECHAT_PAY, BOUGHT_IN_MARCH);
    }

    private static ImportedPackage membership(Instant from, Instant until) {
        return new ImportedPackage(PACK, "Gym year", PackageKind.TIME_MEMBERSHIP, null, null, from, until, PAID,
                PaymentMethod.CARD, BOUGHT_IN_MARCH);
    }

    private static ImportMemberCommand child(ImportedPackage pkg, boolean frozen, LocalDate until) {
        return new ImportMemberCommand(MEMBER, CENTRE, MemberKind.CHILD, "Xiao Ming", null, "Wang Fang",
                "13812345678", null, null, "CNY", pkg, frozen, until, ROW_7, IMPORTED);
    }

    private static MemberImportedEvent imported(ImportedPackage pkg, boolean frozen, LocalDate until) {
        return new MemberImportedEvent(MEMBER, CENTRE, MemberKind.CHILD, sealed("Xiao Ming"), null,
                sealed("Wang Fang"), sealed("13812345678"), null, null, "CNY", pkg, frozen, until, ROW_7, IMPORTED);
    }

    @Test
    void importsAChildWithTheirPackageAndProvenanceAndEveryPersonalValueSealed() {
        fixture.givenNoPriorActivity()
                .when(child(pack(10, 7), false, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(imported(pack(10, 7), false, null));
    }

    @Test
    void importsAMemberWithoutAPackage() {
        fixture.givenNoPriorActivity()
                .when(child(null, false, null))
                .expectEvents(imported(null, false, null));
    }

    @Test
    void importsAFrozenMemberWithTheOldSystemsEnd() {
        LocalDate until = LocalDate.of(2026, 4, 1);
        fixture.givenNoPriorActivity()
                .when(child(pack(10, 7), true, until))
                .expectEvents(imported(pack(10, 7), true, until));
    }

    @Test
    void rejectsAFrozenUntilForAMemberWhoIsNotFrozen() {
        rejects(child(null, false, LocalDate.of(2026, 4, 1)), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void rejectsAMemberWithoutName() {
        rejects(new ImportMemberCommand(MEMBER, CENTRE, MemberKind.ADULT, " ", null, null, null, "13812345678", null,
                "CNY", null, false, null, ROW_7, IMPORTED), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void rejectsAChildWithoutAGuardianPhone() {
        rejects(new ImportMemberCommand(MEMBER, CENTRE, MemberKind.CHILD, "Xiao Ming", null, "Wang Fang", null,
                "13812345678", null, "CNY", null, false, null, ROW_7, IMPORTED), ErrorCode.GUARDIAN_REQUIRED);
    }

    @Test
    void rejectsAChildWithoutAGuardianName() {
        rejects(new ImportMemberCommand(MEMBER, CENTRE, MemberKind.CHILD, "Xiao Ming", null, null, "13812345678",
                null, null, "CNY", null, false, null, ROW_7, IMPORTED), ErrorCode.GUARDIAN_REQUIRED);
    }

    @Test
    void rejectsAnAdultWithNeitherIdNumberNorPhone() {
        rejects(new ImportMemberCommand(MEMBER, CENTRE, MemberKind.ADULT, "Li Lei", null, null, null, null,
                "li@example.com", "CNY", null, false, null, ROW_7, IMPORTED), ErrorCode.IDENTITY_REQUIRED);
    }

    @Test
    void importsAnAdultKnownByIdNumberOnly() {
        fixture.givenNoPriorActivity()
                .when(new ImportMemberCommand(MEMBER, CENTRE, MemberKind.ADULT, "Li Lei", "110101199001011234", null,
                        null, null, null, "CNY", null, false, null, ROW_7, IMPORTED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void importsAnAdultKnownByPhoneOnly() {
        fixture.givenNoPriorActivity()
                .when(new ImportMemberCommand(MEMBER, CENTRE, MemberKind.ADULT, "Li Lei", null, null, null,
                        "13900001111", null, "CNY", null, false, null, ROW_7, IMPORTED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsNegativeCreditsLeft() {
        rejects(child(pack(10, -1), false, null), ErrorCode.INVALID_PACKAGE);
    }

    @Test
    void rejectsMoreCreditsLeftThanBought() {
        rejects(child(pack(10, 11), false, null), ErrorCode.INVALID_PACKAGE);
    }

    @Test
    void acceptsAPackWithNoCreditLeftAndOneWithAllLeft() {
        fixture.givenNoPriorActivity().when(child(pack(10, 0), false, null)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(child(pack(10, 10), false, null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAPackWithoutCreditsOrTooMany() {
        rejects(child(pack(null, 1), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(pack(0, 0), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(pack(MemberAccount.MAX_CREDITS + 1, 1), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(pack(10, null), false, null), ErrorCode.INVALID_PACKAGE);
    }

    @Test
    void acceptsThePackSizeLimit() {
        fixture.givenNoPriorActivity().when(child(pack(MemberAccount.MAX_CREDITS, 1), false, null))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(child(pack(1, 1), false, null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAPackWithValidityDates() {
        rejects(child(new ImportedPackage(PACK, "Phonics 10", PackageKind.CREDIT_PACK, 10, 5, IMPORTED, null, PAID,
                PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(new ImportedPackage(PACK, "Phonics 10", PackageKind.CREDIT_PACK, 10, 5, null, IMPORTED, PAID,
                PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.INVALID_PACKAGE);
    }

    @Test
    void rejectsAPackageWithoutPlan() {
        rejects(child(new ImportedPackage(PACK, " ", PackageKind.CREDIT_PACK, 10, 5, null, null, PAID,
                PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.INVALID_PACKAGE);
    }

    @Test
    void rejectsANegativePriceAndAcceptsAFreeOne() {
        rejects(child(new ImportedPackage(PACK, "Phonics 10", PackageKind.CREDIT_PACK, 10, 5, null, null,
                Money.of(-1, "CNY"), PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.INVALID_PACKAGE);
        fixture.givenNoPriorActivity().when(child(new ImportedPackage(PACK, "Phonics 10", PackageKind.CREDIT_PACK,
                10, 5, null, null, Money.of(0, "CNY"), PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAPriceInAnotherCurrency() {
        rejects(child(new ImportedPackage(PACK, "Phonics 10", PackageKind.CREDIT_PACK, 10, 5, null, null,
                Money.of(100, "USD"), PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void rejectsAMembershipWithCreditsOrBackwardDates() {
        Instant until = IMPORTED.plus(Duration.ofDays(30));
        rejects(child(new ImportedPackage(PACK, "Gym", PackageKind.TIME_MEMBERSHIP, 10, null, IMPORTED, until, PAID,
                PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(new ImportedPackage(PACK, "Gym", PackageKind.TIME_MEMBERSHIP, null, 3, IMPORTED, until, PAID,
                PaymentMethod.CASH, BOUGHT_IN_MARCH), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(membership(until, IMPORTED), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(membership(IMPORTED, IMPORTED), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(membership(null, until), false, null), ErrorCode.INVALID_PACKAGE);
        rejects(child(membership(IMPORTED, null), false, null), ErrorCode.INVALID_PACKAGE);
    }

    @Test
    void importedCreditsAreUsedByACheckIn() {
        fixture.given(imported(pack(10, 7), false, null))
                .when(new CheckInCommand(MEMBER, MONDAY, DESK, MONDAY.scheduledStart()))
                .expectEvents(new ClassCheckedInEvent(MEMBER, MONDAY, PACK, true, 6, DESK, MONDAY.scheduledStart()));
    }

    @Test
    void aPackImportedWithNoCreditLeftAllowsNoCheckIn() {
        fixture.given(imported(pack(10, 0), false, null))
                .when(new CheckInCommand(MEMBER, MONDAY, DESK, MONDAY.scheduledStart()))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NO_CREDITS_LEFT));
    }

    @Test
    void anImportedFrozenMemberIsFrozenFromTheImport() {
        fixture.given(imported(pack(10, 7), true, LocalDate.of(2026, 4, 1)))
                .when(new CheckInCommand(MEMBER, MONDAY, DESK, MONDAY.scheduledStart()))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.MEMBER_FROZEN));
    }

    @Test
    void unfreezingAnImportedMembershipExtendsItByTheDaysFrozenSinceTheImport() {
        Instant until = IMPORTED.plus(Duration.ofDays(60));
        Instant threeDaysLater = IMPORTED.plus(Duration.ofDays(3));
        fixture.given(imported(membership(BOUGHT_IN_MARCH, until), true, null))
                .when(new UnfreezeMemberCommand(MEMBER, DESK, threeDaysLater))
                .expectEvents(new MemberUnfrozenEvent(MEMBER, IMPORTED, 3,
                        List.of(new MembershipExtension(PACK, until.plus(Duration.ofDays(3)))), DESK, threeDaysLater));
    }

    @Test
    void anImportedPackIsRefundedWithinSevenDaysOfItsPurchaseInTheOldSystem() {
        RefundId refund = RefundId.of("00000000-0000-4000-8000-0000000000f9");
        Instant sixDaysAfterPurchase = BOUGHT_IN_MARCH.plus(Duration.ofDays(6));
        fixture.given(imported(pack(10, 7), false, null))
                .when(new RefundPurchaseCommand(MEMBER, refund, PACK, PAID, List.of(), null, DESK, false,
                        sixDaysAfterPurchase))
                .expectEvents(new PurchaseRefundedEvent(MEMBER, refund, PACK, PurchaseKind.PACKAGE, PAID, List.of(),
                        7, 0, null, true, null, null, DESK, sixDaysAfterPurchase));
    }

    @Test
    void anImportedPackIsNeverRefundedBeyondWhatWasPaid() {
        RefundId refund = RefundId.of("00000000-0000-4000-8000-0000000000f9");
        fixture.given(imported(pack(10, 7), false, null))
                .when(new RefundPurchaseCommand(MEMBER, refund, PACK, PAID.plus(Money.of(1, "CNY")), List.of(),
                        null, DESK, false, BOUGHT_IN_MARCH.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.REFUND_EXCEEDS_PAID));
    }

    private void rejects(ImportMemberCommand command, ErrorCode code) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(hasCode(code));
    }

    private static Sealed sealed(String plaintext) {
        return FakeVault.sealed(MEMBER, plaintext);
    }
}
