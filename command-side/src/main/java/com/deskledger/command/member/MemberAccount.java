package com.deskledger.command.member;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.AttendancePolicy;
import com.deskledger.kernel.member.AttendanceStatus;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.MembershipExtension;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.member.PurchaseId;
import com.deskledger.kernel.member.PurchaseKind;
import com.deskledger.kernel.member.RefundId;
import com.deskledger.kernel.member.RefundLine;
import com.deskledger.kernel.member.RefundStatus;
import com.deskledger.kernel.member.SaleLine;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.command.ApproveRefundCommand;
import com.deskledger.kernel.member.command.ChangeContactDetailsCommand;
import com.deskledger.kernel.member.command.ChangeNoticeConsentCommand;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.deskledger.kernel.member.command.HoldCreditCommand;
import com.deskledger.kernel.member.command.ReleaseCreditCommand;
import com.deskledger.kernel.member.command.EnrolMemberCommand;
import com.deskledger.kernel.member.command.EraseMemberCommand;
import com.deskledger.kernel.member.command.ImportMemberCommand;
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
import com.deskledger.kernel.member.event.CreditHeldEvent;
import com.deskledger.kernel.member.event.CreditHoldRefusedEvent;
import com.deskledger.kernel.member.event.CreditReleasedEvent;
import com.deskledger.kernel.member.event.LeaveRequestedEvent;
import com.deskledger.kernel.member.event.MemberImportedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.member.event.MemberFrozenEvent;
import com.deskledger.kernel.member.event.MemberUnfrozenEvent;
import com.deskledger.kernel.member.event.NoShowRecordedEvent;
import com.deskledger.kernel.member.event.NoticeConsentChangedEvent;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.member.event.ProductsSoldEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import com.deskledger.kernel.member.event.RefundRejectedEvent;
import com.deskledger.kernel.member.event.RefundRequestedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One member (a child with a guardian, or an adult): packages, desk sales, refunds, class attendance, freezes and
 * erasure. The state holds no personal data at all (events carry it sealed), so snapshots never do either.
 * Fields are visible to Jackson because snapshots serialize the aggregate itself.
 */
@Aggregate(snapshotTriggerDefinition = MemberConfiguration.SNAPSHOT_TRIGGER)
@Revision("2") // the snapshot's shape: 2 since settled sessions carry their start (older snapshots are ignored)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class MemberAccount {

    /** 七天无理由: a purchase may be refunded without reason for this long. */
    static final Duration COOLING_OFF = Duration.ofDays(7);
    static final int MAX_CREDITS = 10_000;
    static final int MAX_QUANTITY = 10_000;
    /**
     * Attendance (check-in, leave, no-show) is recorded for a class session until this long after its scheduled
     * start; an older session is history and its attendance can no longer change.
     */
    static final Duration ATTENDANCE_WINDOW = TimeWindows.ATTENDANCE_WINDOW;
    /**
     * Settled sessions that started this long before the newest attendance record are dropped from the state (they
     * can no longer be recorded, see {@link #ATTENDANCE_WINDOW}; one day more for the clocks of several nodes), so a
     * member who comes for years keeps a small state and a small snapshot.
     */
    static final Duration SESSION_MEMORY = ATTENDANCE_WINDOW.plusDays(1);

    @AggregateIdentifier
    private MemberId id;
    private String currency;
    private boolean erased;
    /** When the member was frozen; null while not frozen. */
    private Instant frozenAt;
    /** Packages by purchase id, in purchase order. */
    private Map<String, PackageState> packages = new LinkedHashMap<>();
    /** Desk sales by purchase id. */
    private Map<String, SaleState> sales = new LinkedHashMap<>();
    /** Refunds waiting for a manager, by refund id. */
    private Map<String, PendingRefund> pendingRefunds = new LinkedHashMap<>();
    /** Every refund id ever used, decided or not. */
    private Set<String> refunds = new HashSet<>();
    /** How each class session (by {@link ClassSession#key()}) still inside the attendance window was settled. */
    private Map<String, SettledSession> sessions = new HashMap<>();
    /** Whether the guardian consented to notices (absent from snapshots older than consent: none was given then). */
    private boolean noticeConsent;
    /**
     * Credits held for booked sessions of the timetable, by session id (the class code of its attendance), until a
     * check-in, leave or no-show settles the session or a cancellation releases them.
     */
    private Map<String, Integer> holds = new HashMap<>();

    MemberAccount() {
        // for Axon
    }

    @CommandHandler
    MemberAccount(EnrolMemberCommand command, PersonalDataVault vault) {
        if (isBlank(command.name())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the member's name is required", "name");
        }
        if (command.kind() == MemberKind.CHILD
                && (isBlank(command.guardianName()) || isBlank(command.guardianPhone()))) {
            throw new DomainException(ErrorCode.GUARDIAN_REQUIRED,
                    "a child is enrolled with a guardian's name and phone");
        }
        if (isBlank(command.idNumber()) && isBlank(command.guardianPhone()) && isBlank(command.phone())) {
            throw new DomainException(ErrorCode.IDENTITY_REQUIRED,
                    "an ID number or a phone number is needed to tell members apart");
        }
        MemberId member = command.memberId();
        apply(new MemberEnrolledEvent(member, command.centre(), command.kind(), vault.seal(member, command.name()),
                vault.seal(member, command.idNumber()), vault.seal(member, command.guardianName()),
                vault.seal(member, command.guardianPhone()), vault.seal(member, command.phone()),
                vault.seal(member, command.email()), command.visitId(), command.currency(), command.enrolledBy(),
                command.at()));
    }

    /**
     * A member brought over from the old system: the same rules as an enrolment for the person, and the package they
     * hold must be one this account could hold (a credit pack with 0 to its credits left, a membership running from
     * a date to a later one, a price of zero or more in the centre's currency). One event says all of it, so the
     * member's history starts with the import and no purchase is invented.
     */
    @CommandHandler
    MemberAccount(ImportMemberCommand command, PersonalDataVault vault) {
        if (isBlank(command.name())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the member's name is required", "name");
        }
        if (command.kind() == MemberKind.CHILD
                && (isBlank(command.guardianName()) || isBlank(command.guardianPhone()))) {
            throw new DomainException(ErrorCode.GUARDIAN_REQUIRED,
                    "a child is imported with a guardian's name and phone");
        }
        if (isBlank(command.idNumber()) && isBlank(command.guardianPhone()) && isBlank(command.phone())) {
            throw new DomainException(ErrorCode.IDENTITY_REQUIRED,
                    "an ID number or a phone number is needed to tell members apart");
        }
        if (!command.frozen() && command.frozenUntil() != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "only a frozen member is frozen until a date",
                    "frozenUntil");
        }
        ImportedPackage pkg = command.importedPackage();
        if (pkg != null) {
            requireImportable(pkg, command.currency());
        }
        MemberId member = command.memberId();
        apply(new MemberImportedEvent(member, command.centre(), command.kind(), vault.seal(member, command.name()),
                vault.seal(member, command.idNumber()), vault.seal(member, command.guardianName()),
                vault.seal(member, command.guardianPhone()), vault.seal(member, command.phone()),
                vault.seal(member, command.email()), command.currency(), pkg, command.frozen(),
                command.frozenUntil(), command.provenance(), command.at()));
    }

    private static void requireImportable(ImportedPackage pkg, String currency) {
        if (isBlank(pkg.plan())) {
            throw new DomainException(ErrorCode.INVALID_PACKAGE, "a package needs a plan name", "plan");
        }
        if (pkg.price() == null || pkg.price().signum() < 0) {
            throw new DomainException(ErrorCode.INVALID_PACKAGE, "a price is zero or more", "price");
        }
        if (!pkg.price().currency().equals(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH,
                    "this member pays in " + currency + ", not " + pkg.price().currency(), "currency");
        }
        if (pkg.kind() == PackageKind.CREDIT_PACK) {
            if (pkg.credits() == null || pkg.credits() < 1 || pkg.credits() > MAX_CREDITS) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE,
                        "a credit pack has 1 to " + MAX_CREDITS + " credits", "credits");
            }
            if (pkg.creditsLeft() == null || pkg.creditsLeft() < 0 || pkg.creditsLeft() > pkg.credits()) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE,
                        "credits left are 0 to the credits bought", "creditsLeft");
            }
            if (pkg.validFrom() != null || pkg.validUntil() != null) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE, "a credit pack has no validity dates",
                        "validUntil");
            }
        } else {
            if (pkg.credits() != null || pkg.creditsLeft() != null) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE, "a time membership has no credits", "credits");
            }
            if (pkg.validFrom() == null || pkg.validUntil() == null || !pkg.validUntil().isAfter(pkg.validFrom())) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE,
                        "a time membership runs from a date to a later one", "validUntil");
            }
        }
    }

    // ---------------------------------------------------------------- packages and sales

    /** Answers whether the purchase is a renewal. */
    @CommandHandler
    boolean handle(PurchasePackageCommand command) {
        requireNotErased();
        requireNewPurchase(command.purchaseId());
        requirePrice(command.price());
        if (isBlank(command.plan())) {
            throw new DomainException(ErrorCode.INVALID_PACKAGE, "a package needs a plan name", "plan");
        }
        if (command.kind() == PackageKind.CREDIT_PACK) {
            if (command.credits() == null || command.credits() < 1 || command.credits() > MAX_CREDITS) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE,
                        "a credit pack has 1 to " + MAX_CREDITS + " credits", "credits");
            }
            if (command.validFrom() != null || command.validUntil() != null) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE, "a credit pack has no validity dates",
                        "validUntil");
            }
        } else {
            if (command.credits() != null) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE, "a time membership has no credits", "credits");
            }
            if (command.validFrom() == null || command.validUntil() == null
                    || !command.validUntil().isAfter(command.validFrom())) {
                throw new DomainException(ErrorCode.INVALID_PACKAGE,
                        "a time membership runs from a date to a later one", "validUntil");
            }
        }
        apply(new PackagePurchasedEvent(id, command.purchaseId(), command.plan(), command.kind(), command.credits(),
                command.validFrom(), command.validUntil(), command.price(), command.paymentMethod(),
                command.invoiceNumber(), !packages.isEmpty(), null, command.soldBy(), command.at()));
        return packages.size() > 1;
    }

    @CommandHandler
    void handle(RenewPackageCommand command) {
        requireNotErased();
        requireNewPurchase(command.purchaseId());
        requirePrice(command.price());
        PackageState renewed = packages.get(command.renewing().value());
        if (renewed == null) {
            if (sales.containsKey(command.renewing().value())) {
                throw new DomainException(ErrorCode.PACKAGE_NOT_RENEWABLE, "only a package can be renewed",
                        "purchaseId");
            }
            throw new DomainException(ErrorCode.PURCHASE_NOT_FOUND, "no such package of this member");
        }
        Instant validFrom = null;
        Instant validUntil = null;
        if (renewed.kind == PackageKind.TIME_MEMBERSHIP) {
            ZoneId zone = command.zone();
            long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(renewed.boughtFrom, zone),
                    LocalDate.ofInstant(renewed.boughtUntil, zone));
            validFrom = !renewed.ended && renewed.validUntil.isAfter(command.at()) ? renewed.validUntil
                    : LocalDate.ofInstant(command.at(), zone).atStartOfDay(zone).toInstant();
            validUntil = LocalDate.ofInstant(validFrom, zone).plusDays(days).atStartOfDay(zone).toInstant();
        }
        apply(new PackagePurchasedEvent(id, command.purchaseId(), renewed.plan, renewed.kind, renewed.credits,
                validFrom, validUntil, command.price(), command.paymentMethod(), command.invoiceNumber(), true,
                renewed.id, command.soldBy(), command.at()));
    }

    @CommandHandler
    void handle(SellProductsCommand command) {
        requireNotErased();
        requireNewPurchase(command.purchaseId());
        if (command.lines().isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_SALE, "a sale has at least one line", "lines");
        }
        List<SaleLine> lines = new ArrayList<>();
        Money total = Money.zero(currency);
        int number = 0;
        for (ProductLine line : command.lines()) {
            number++;
            String field = "lines[" + (number - 1) + "]";
            if (isBlank(line.productCode()) || line.category() == null) {
                throw new DomainException(ErrorCode.INVALID_SALE, "each line names a product and its category",
                        field + ".productCode");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new DomainException(ErrorCode.INVALID_SALE, "quantity must be 1 to " + MAX_QUANTITY,
                        field + ".quantity");
            }
            requirePrice(line.unitPrice());
            Money amount = line.unitPrice().times(line.quantity());
            total = total.plus(amount);
            lines.add(new SaleLine(number, line.productCode(), line.description(), line.category(), line.quantity(),
                    line.unitPrice(), amount));
        }
        apply(new ProductsSoldEvent(id, command.purchaseId(), lines, total, command.paymentMethod(),
                command.invoiceNumber(), command.soldBy(), command.at()));
    }

    // ---------------------------------------------------------------- refunds

    @CommandHandler
    RefundStatus handle(RefundPurchaseCommand command, PersonalDataVault vault) {
        requireNotErased();
        if (refunds.contains(command.refundId().value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "this refund was already recorded");
        }
        Purchase purchase = purchase(command.purchaseId());
        List<RefundLine> lines;
        Money amount;
        if (purchase.sale != null) {
            if (command.amount() != null) {
                throw new DomainException(ErrorCode.INVALID_REFUND,
                        "a desk sale is refunded by its lines, not by an amount", "amount");
            }
            lines = returnedLines(purchase.sale, command.lines());
            amount = lines.stream().map(RefundLine::amount).reduce(Money.zero(currency), Money::plus);
        } else {
            if (!command.lines().isEmpty()) {
                throw new DomainException(ErrorCode.INVALID_REFUND, "a package is refunded by an amount", "lines");
            }
            if (command.amount() == null || command.amount().signum() <= 0) {
                throw new DomainException(ErrorCode.INVALID_REFUND, "the amount to refund must be positive",
                        "amount");
            }
            requireCurrency(command.amount());
            amount = command.amount();
            if (amount.exceeds(purchase.pkg.refundable())) {
                throw new DomainException(ErrorCode.REFUND_EXCEEDS_PAID,
                        "a refund can never be more than was paid and not yet refunded", "amount");
            }
            lines = List.of();
        }
        boolean withinCoolingOff = !command.at().isAfter(purchase.purchasedAt().plus(COOLING_OFF));
        if (!withinCoolingOff && isBlank(command.reason())) {
            throw new DomainException(ErrorCode.REFUND_REASON_REQUIRED,
                    "after seven days a refund needs a reason and a manager's approval", "reason");
        }
        Sealed reason = vault.seal(id, command.reason());
        if (withinCoolingOff || command.byManager()) {
            applyRefund(command.refundId(), purchase, amount, lines, withinCoolingOff,
                    withinCoolingOff ? null : command.requestedBy(), reason, command.requestedBy(), command.at());
            return RefundStatus.REFUNDED;
        }
        apply(new RefundRequestedEvent(id, command.refundId(), command.purchaseId(), amount, lines, reason,
                command.requestedBy(), command.at()));
        return RefundStatus.AWAITING_APPROVAL;
    }

    @CommandHandler
    void handle(ApproveRefundCommand command) {
        requireNotErased();
        PendingRefund pending = pendingRefund(command.refundId());
        applyRefund(command.refundId(), purchase(pending.purchaseId), pending.amount, pending.lines, false,
                command.manager(), pending.reason, pending.requestedBy, command.at());
    }

    @CommandHandler
    void handle(RejectRefundCommand command, PersonalDataVault vault) {
        requireNotErased();
        PendingRefund pending = pendingRefund(command.refundId());
        apply(new RefundRejectedEvent(id, command.refundId(), pending.purchaseId, pending.amount, command.manager(),
                vault.seal(id, command.reason()), command.at()));
    }

    private void applyRefund(RefundId refundId, Purchase purchase, Money amount, List<RefundLine> lines,
                             boolean withinCoolingOff, StaffId approvedBy, Sealed reason, StaffId refundedBy,
                             Instant at) {
        int revoked = 0;
        Integer creditsLeft = null;
        Instant membershipEndedAt = null;
        PurchaseKind kind = PurchaseKind.PRODUCTS;
        if (purchase.pkg != null) {
            kind = PurchaseKind.PACKAGE;
            PackageState pkg = purchase.pkg;
            if (pkg.kind == PackageKind.CREDIT_PACK) {
                revoked = pkg.creditsLeft;
                creditsLeft = 0;
            } else if (!pkg.ended && pkg.validUntil.isAfter(at)) {
                membershipEndedAt = at.isBefore(pkg.validFrom) ? pkg.validFrom : at;
            }
        }
        apply(new PurchaseRefundedEvent(id, refundId, purchase.id(), kind, amount, lines, revoked, creditsLeft,
                membershipEndedAt, withinCoolingOff, approvedBy, reason, refundedBy, at));
    }

    /** The lines a sale refund gives back: those named, or every unit not yet given back when none are. */
    private List<RefundLine> returnedLines(SaleState sale, List<LineQuantity> asked) {
        List<RefundLine> lines = new ArrayList<>();
        if (asked.isEmpty()) {
            for (SaleLine line : sale.lines) {
                int left = line.quantity() - sale.returned[line.line() - 1];
                if (left > 0) {
                    lines.add(new RefundLine(line.line(), line.productCode(), left, line.unitPrice().times(left)));
                }
            }
        } else {
            Map<Integer, Integer> units = new LinkedHashMap<>();
            for (LineQuantity line : asked) {
                if (line.line() < 1 || line.line() > sale.lines.size()) {
                    throw new DomainException(ErrorCode.INVALID_REFUND, "no such line in this sale", "lines");
                }
                if (line.quantity() < 1) {
                    throw new DomainException(ErrorCode.INVALID_REFUND, "quantity must be 1 or more", "lines");
                }
                units.merge(line.line(), line.quantity(), Integer::sum);
            }
            units.forEach((number, quantity) -> {
                SaleLine line = sale.lines.get(number - 1);
                if (quantity > line.quantity() - sale.returned[number - 1]) {
                    throw new DomainException(ErrorCode.REFUND_EXCEEDS_PAID,
                            "more units than were sold and not yet given back", "lines");
                }
                lines.add(new RefundLine(number, line.productCode(), quantity, line.unitPrice().times(quantity)));
            });
        }
        if (lines.isEmpty()) {
            throw new DomainException(ErrorCode.REFUND_EXCEEDS_PAID, "everything of this sale was given back");
        }
        return lines;
    }

    private PendingRefund pendingRefund(RefundId refundId) {
        PendingRefund pending = pendingRefunds.get(refundId.value());
        if (pending == null) {
            if (refunds.contains(refundId.value())) {
                throw new DomainException(ErrorCode.REFUND_NOT_PENDING, "this refund was already decided");
            }
            throw new DomainException(ErrorCode.REFUND_NOT_FOUND, "no such refund of this member");
        }
        return pending;
    }

    // ---------------------------------------------------------------- attendance

    /** Answers how many credits the pack used has left, or null under a time membership. */
    @CommandHandler
    Integer handle(CheckInCommand command) {
        requireNotErased();
        requireNotFrozen();
        ClassSession session = command.session();
        requireInWindow(session, command.at());
        AttendanceStatus recorded = settled(session);
        if (recorded == AttendanceStatus.CHECKED_IN) {
            throw new DomainException(ErrorCode.ALREADY_CHECKED_IN, "already checked in to this class session");
        }
        requireUnsettled(recorded);
        Optional<PackageState> membership = membershipCovering(session.scheduledStart());
        if (membership.isPresent()) {
            apply(new ClassCheckedInEvent(id, session, membership.get().id, false, null, command.checkedInBy(),
                    command.at()));
            return null;
        }
        PackageState pack = creditPackWithCredits()
                .filter(p -> holds.containsKey(session.classCode()) || unheldCredits() > 0)
                .orElseThrow(() -> hasCreditPack()
                        ? new DomainException(ErrorCode.NO_CREDITS_LEFT, "no class credits left; renew to check in")
                        : new DomainException(ErrorCode.NO_ACTIVE_PACKAGE, "no package covers this class"));
        apply(new ClassCheckedInEvent(id, session, pack.id, true, pack.creditsLeft - 1, command.checkedInBy(),
                command.at()));
        return pack.creditsLeft;
    }

    /** Answers whether the leave was in time or late. */
    @CommandHandler
    AttendanceStatus handle(RequestLeaveCommand command, PersonalDataVault vault) {
        requireNotErased();
        requireNotFrozen();
        ClassSession session = command.session();
        requireInWindow(session, command.at());
        requireUnsettled(settled(session));
        if (!command.at().isBefore(session.scheduledStart())) {
            throw new DomainException(ErrorCode.LEAVE_AFTER_START,
                    "leave is asked before the class starts; after that it is a no-show");
        }
        AttendancePolicy policy = command.policy();
        boolean late = Duration.between(command.at(), session.scheduledStart())
                .compareTo(policy.lateLeaveWindow()) < 0;
        Charge charge = late && policy.lateLeaveConsumesCredit() ? charge(session) : Charge.NONE;
        apply(new LeaveRequestedEvent(id, session, late, charge.consumed(), charge.pack(), charge.creditsLeft(),
                vault.seal(id, command.reason()), command.recordedBy(), command.at()));
        return late ? AttendanceStatus.LATE_LEAVE : AttendanceStatus.ON_LEAVE;
    }

    @CommandHandler
    void handle(RecordNoShowCommand command) {
        requireNotErased();
        requireNotFrozen();
        ClassSession session = command.session();
        requireInWindow(session, command.at());
        requireUnsettled(settled(session));
        if (command.at().isBefore(session.scheduledStart())) {
            throw new DomainException(ErrorCode.NO_SHOW_BEFORE_START, "a no-show is recorded after the class starts");
        }
        Charge charge = command.policy().noShowConsumesCredit() ? charge(session) : Charge.NONE;
        apply(new NoShowRecordedEvent(id, session, charge.consumed(), charge.pack(), charge.creditsLeft(),
                command.recordedBy(), command.at()));
    }

    /**
     * Holds a session's credits for a booking: nothing under a time membership covering the session (recorded with
     * the membership), else credits nobody else holds. Answers whether they are held; a second hold for the same
     * session is the first one. {@code quiet}: a member who cannot hold them gets an event saying why instead of a
     * refusal.
     */
    @CommandHandler
    boolean handle(HoldCreditCommand command) {
        if (holds.containsKey(command.session().value())) {
            return true;
        }
        try {
            requireNotErased();
            requireNotFrozen();
            Optional<PackageState> membership = membershipCovering(command.sessionStart());
            PurchaseId coveredBy = membership.map(p -> p.id).orElse(null);
            int credits = membership.isPresent() ? 0 : command.credits();
            if (credits > 0 && !hasCreditPack()) {
                throw new DomainException(ErrorCode.NO_ACTIVE_PACKAGE, "no package covers this class");
            }
            if (credits > unheldCredits()) {
                throw new DomainException(ErrorCode.NO_CREDITS_LEFT, "not enough class credits left for this "
                        + "booking; renew to book");
            }
            apply(new CreditHeldEvent(id, command.session(), command.sessionStart(), credits, coveredBy,
                    command.by(), command.at()));
            return true;
        } catch (DomainException refused) {
            if (!command.quiet()) {
                throw refused;
            }
            apply(new CreditHoldRefusedEvent(id, command.session(), refused.code().name(), command.by(),
                    command.at()));
            return false;
        }
    }

    /** Idempotent: a session with nothing held releases nothing. */
    @CommandHandler
    void handle(ReleaseCreditCommand command) {
        Integer held = holds.get(command.session().value());
        if (held != null) {
            apply(new CreditReleasedEvent(id, command.session(), held, command.by(), command.at()));
        }
    }

    /** Credits left in credit packs that no booking holds. */
    private int unheldCredits() {
        int left = packages.values().stream().filter(p -> p.kind == PackageKind.CREDIT_PACK)
                .mapToInt(p -> p.creditsLeft).sum();
        return left - holds.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What an absence costs under a consuming policy: nothing under a membership, else a credit if one is left. */
    private Charge charge(ClassSession session) {
        if (membershipCovering(session.scheduledStart()).isPresent()) {
            return Charge.NONE;
        }
        return creditPackWithCredits().map(pack -> new Charge(true, pack.id, pack.creditsLeft - 1))
                .orElse(Charge.NONE);
    }

    private record Charge(boolean consumed, PurchaseId pack, Integer creditsLeft) {
        static final Charge NONE = new Charge(false, null, null);
    }

    private static void requireInWindow(ClassSession session, Instant at) {
        if (session.scheduledStart().isBefore(at.minus(ATTENDANCE_WINDOW))) {
            throw new DomainException(ErrorCode.ATTENDANCE_WINDOW_CLOSED, "attendance is recorded up to "
                    + ATTENDANCE_WINDOW.toDays() + " days after the class starts; this session is older");
        }
    }

    private AttendanceStatus settled(ClassSession session) {
        SettledSession settled = sessions.get(session.key());
        return settled == null ? null : settled.status();
    }

    private void requireUnsettled(AttendanceStatus recorded) {
        if (recorded != null) {
            throw new DomainException(ErrorCode.SESSION_ALREADY_RECORDED,
                    "this class session is already settled for the member as " + recorded);
        }
    }

    private Optional<PackageState> membershipCovering(Instant start) {
        return packages.values().stream().filter(p -> p.kind == PackageKind.TIME_MEMBERSHIP)
                .filter(p -> !start.isBefore(p.validFrom) && start.isBefore(p.validUntil)).findFirst();
    }

    /** The oldest credit pack with a credit left: credits are used in the order they were bought. */
    private Optional<PackageState> creditPackWithCredits() {
        return packages.values().stream().filter(p -> p.kind == PackageKind.CREDIT_PACK && p.creditsLeft > 0)
                .findFirst();
    }

    private boolean hasCreditPack() {
        return packages.values().stream().anyMatch(p -> p.kind == PackageKind.CREDIT_PACK);
    }

    // ---------------------------------------------------------------- freeze, contact, erasure

    @CommandHandler
    void handle(FreezeMemberCommand command, PersonalDataVault vault) {
        requireNotErased();
        requireNotFrozen();
        apply(new MemberFrozenEvent(id, vault.seal(id, command.reason()), command.frozenBy(), command.at()));
    }

    @CommandHandler
    void handle(UnfreezeMemberCommand command) {
        requireNotErased();
        if (frozenAt == null) {
            throw new DomainException(ErrorCode.MEMBER_NOT_FROZEN, "the member is not frozen");
        }
        int frozenDays = frozenDays(frozenAt, command.at());
        List<MembershipExtension> extensions = new ArrayList<>();
        if (frozenDays > 0) {
            packages.values().stream()
                    .filter(p -> p.kind == PackageKind.TIME_MEMBERSHIP && !p.ended && p.validUntil.isAfter(frozenAt))
                    .forEach(p -> extensions.add(new MembershipExtension(p.id,
                            p.validUntil.plus(Duration.ofDays(frozenDays)))));
        }
        apply(new MemberUnfrozenEvent(id, frozenAt, frozenDays, extensions, command.unfrozenBy(), command.at()));
    }

    /** Every started day counts: frozen on Monday morning and unfrozen on Wednesday evening is three days. */
    static int frozenDays(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Duration frozen = Duration.between(from, to);
        long days = frozen.toDays();
        return (int) (frozen.equals(Duration.ofDays(days)) ? days : days + 1);
    }

    @CommandHandler
    void handle(ChangeContactDetailsCommand command, PersonalDataVault vault) {
        requireNotErased();
        if (isBlank(command.phone()) && isBlank(command.email()) && isBlank(command.guardianName())
                && isBlank(command.guardianPhone())) {
            throw new DomainException(ErrorCode.NOTHING_TO_CHANGE, "no contact detail was given");
        }
        apply(new ContactDetailsChangedEvent(id, vault.seal(id, command.phone()), vault.seal(id, command.email()),
                vault.seal(id, command.guardianName()), vault.seal(id, command.guardianPhone()),
                command.changedBy(), command.at()));
    }

    /**
     * No notice without consent: giving it names a channel and an address (sealed like every contact detail);
     * withdrawing it names neither, and only consent that was given can be withdrawn.
     */
    @CommandHandler
    void handle(ChangeNoticeConsentCommand command, PersonalDataVault vault) {
        requireNotErased();
        if (command.consented()) {
            if (command.channel() == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "consent names the channel", "channel");
            }
            if (isBlank(command.address())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "consent names the address to notify",
                        "address");
            }
            if (!command.channel().accepts(command.address().strip())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED,
                        "not an address of the channel " + command.channel(), "address");
            }
        } else {
            if (command.channel() != null || !isBlank(command.address())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "a withdrawal names no channel or address",
                        command.channel() != null ? "channel" : "address");
            }
            if (!noticeConsent) {
                throw new DomainException(ErrorCode.NOTHING_TO_CHANGE, "no consent to notices was given");
            }
        }
        apply(new NoticeConsentChangedEvent(id, command.consented(), command.channel(),
                command.consented() ? vault.seal(id, command.address()) : null, command.changedBy(), command.at()));
    }

    /** Refunds waiting for a manager are decided first: nothing can be done for the member after erasure. */
    @CommandHandler
    void handle(EraseMemberCommand command) {
        requireNotErased();
        if (!pendingRefunds.isEmpty()) {
            throw new DomainException(ErrorCode.REFUNDS_WAITING,
                    "a refund of this member waits for a manager's decision; decide it before erasing");
        }
        apply(new MemberErasedEvent(id, command.erasedBy(), command.at()));
    }

    // ---------------------------------------------------------------- rules

    private void requireNotErased() {
        if (erased) {
            throw new DomainException(ErrorCode.MEMBER_ERASED, "the member's data was erased; the account is closed");
        }
    }

    private void requireNotFrozen() {
        if (frozenAt != null) {
            throw new DomainException(ErrorCode.MEMBER_FROZEN, "the member is frozen; unfreeze first");
        }
    }

    private void requireNewPurchase(PurchaseId purchaseId) {
        if (packages.containsKey(purchaseId.value()) || sales.containsKey(purchaseId.value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "this purchase was already recorded");
        }
    }

    private void requirePrice(Money price) {
        if (price == null || price.signum() < 0) {
            throw new DomainException(ErrorCode.INVALID_PACKAGE, "a price is zero or more", "price");
        }
        requireCurrency(price);
    }

    private void requireCurrency(Money money) {
        if (!money.currency().equals(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH,
                    "this member pays in " + currency + ", not " + money.currency(), "currency");
        }
    }

    private Purchase purchase(PurchaseId purchaseId) {
        PackageState pkg = packages.get(purchaseId.value());
        SaleState sale = sales.get(purchaseId.value());
        if (pkg == null && sale == null) {
            throw new DomainException(ErrorCode.PURCHASE_NOT_FOUND, "no such purchase of this member", "purchaseId");
        }
        return new Purchase(pkg, sale);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(MemberEnrolledEvent event) {
        id = event.memberId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(MemberImportedEvent event) {
        id = event.memberId();
        currency = event.currency();
        frozenAt = event.frozen() ? event.at() : null;
        ImportedPackage imported = event.importedPackage();
        if (imported != null) {
            PackageState pkg = new PackageState();
            pkg.id = imported.purchaseId();
            pkg.plan = imported.plan();
            pkg.kind = imported.kind();
            pkg.credits = imported.credits();
            pkg.creditsLeft = imported.creditsLeft() == null ? 0 : imported.creditsLeft();
            pkg.validFrom = imported.validFrom();
            pkg.validUntil = imported.validUntil();
            pkg.boughtFrom = imported.validFrom();
            pkg.boughtUntil = imported.validUntil();
            pkg.paid = imported.price();
            pkg.refunded = Money.zero(imported.price().currency());
            pkg.pending = Money.zero(imported.price().currency());
            pkg.purchasedAt = imported.purchasedAt();
            packages.put(imported.purchaseId().value(), pkg);
        }
    }

    @EventSourcingHandler
    void on(PackagePurchasedEvent event) {
        PackageState pkg = new PackageState();
        pkg.id = event.purchaseId();
        pkg.plan = event.plan();
        pkg.kind = event.kind();
        pkg.credits = event.credits();
        pkg.creditsLeft = event.credits() == null ? 0 : event.credits();
        pkg.validFrom = event.validFrom();
        pkg.validUntil = event.validUntil();
        pkg.boughtFrom = event.validFrom();
        pkg.boughtUntil = event.validUntil();
        pkg.paid = event.price();
        pkg.refunded = Money.zero(event.price().currency());
        pkg.pending = Money.zero(event.price().currency());
        pkg.purchasedAt = event.at();
        packages.put(event.purchaseId().value(), pkg);
    }

    @EventSourcingHandler
    void on(ProductsSoldEvent event) {
        SaleState sale = new SaleState();
        sale.id = event.purchaseId();
        sale.lines = event.lines();
        sale.returned = new int[event.lines().size()];
        sale.soldAt = event.at();
        sales.put(event.purchaseId().value(), sale);
    }

    @EventSourcingHandler
    void on(RefundRequestedEvent event) {
        refunds.add(event.refundId().value());
        PendingRefund pending = new PendingRefund();
        pending.purchaseId = event.purchaseId();
        pending.amount = event.amount();
        pending.lines = event.lines();
        pending.reason = event.reason();
        pending.requestedBy = event.requestedBy();
        pendingRefunds.put(event.refundId().value(), pending);
        reserve(event.purchaseId(), event.amount(), event.lines(), 1);
    }

    @EventSourcingHandler
    void on(RefundRejectedEvent event) {
        PendingRefund pending = pendingRefunds.remove(event.refundId().value());
        reserve(pending.purchaseId, pending.amount, pending.lines, -1);
    }

    @EventSourcingHandler
    void on(PurchaseRefundedEvent event) {
        refunds.add(event.refundId().value());
        PendingRefund pending = pendingRefunds.remove(event.refundId().value());
        if (pending == null) {
            reserve(event.purchaseId(), event.amount(), event.lines(), 1);
        }
        PackageState pkg = packages.get(event.purchaseId().value());
        if (pkg != null) {
            pkg.pending = pkg.pending.minus(event.amount());
            pkg.refunded = pkg.refunded.plus(event.amount());
            if (event.creditsLeft() != null) {
                pkg.creditsLeft = event.creditsLeft();
            }
            if (event.membershipEndedAt() != null) {
                pkg.validUntil = event.membershipEndedAt();
            }
            if (pkg.kind == PackageKind.TIME_MEMBERSHIP) {
                pkg.ended = true;
            }
        }
    }

    /** Holds back (+1) or releases (-1) the money and units of a refund against its purchase. */
    private void reserve(PurchaseId purchaseId, Money amount, List<RefundLine> lines, int direction) {
        PackageState pkg = packages.get(purchaseId.value());
        if (pkg != null) {
            pkg.pending = direction > 0 ? pkg.pending.plus(amount) : pkg.pending.minus(amount);
        }
        SaleState sale = sales.get(purchaseId.value());
        if (sale != null) {
            lines.forEach(line -> sale.returned[line.line() - 1] += direction * line.quantity());
        }
    }

    @EventSourcingHandler
    void on(CreditHeldEvent event) {
        holds.put(event.session().value(), event.credits());
    }

    @EventSourcingHandler
    void on(CreditReleasedEvent event) {
        holds.remove(event.session().value());
    }

    @EventSourcingHandler
    void on(ClassCheckedInEvent event) {
        settle(event.session(), AttendanceStatus.CHECKED_IN, event.at());
        consumed(event.coveredBy(), event.creditsLeft());
    }

    @EventSourcingHandler
    void on(LeaveRequestedEvent event) {
        settle(event.session(), event.late() ? AttendanceStatus.LATE_LEAVE : AttendanceStatus.ON_LEAVE, event.at());
        consumed(event.chargedTo(), event.creditsLeft());
    }

    @EventSourcingHandler
    void on(NoShowRecordedEvent event) {
        settle(event.session(), AttendanceStatus.NO_SHOW, event.at());
        consumed(event.chargedTo(), event.creditsLeft());
    }

    /** Records how a session was settled and forgets sessions too old to be recorded any more. */
    private void settle(ClassSession session, AttendanceStatus status, Instant at) {
        holds.remove(session.classCode());
        Instant forgetBefore = at.minus(SESSION_MEMORY);
        sessions.values().removeIf(s -> s.start().isBefore(forgetBefore));
        sessions.put(session.key(), new SettledSession(status, session.scheduledStart()));
    }

    private record SettledSession(AttendanceStatus status, Instant start) {
    }

    /** The sessions the state still remembers (for tests of the forgetting). */
    Set<String> settledSessionKeys() {
        return Set.copyOf(sessions.keySet());
    }

    private void consumed(PurchaseId pack, Integer creditsLeft) {
        if (pack != null && creditsLeft != null) {
            packages.get(pack.value()).creditsLeft = creditsLeft;
        }
    }

    @EventSourcingHandler
    void on(MemberFrozenEvent event) {
        frozenAt = event.at();
    }

    @EventSourcingHandler
    void on(MemberUnfrozenEvent event) {
        frozenAt = null;
        event.extensions().forEach(extension ->
                packages.get(extension.purchaseId().value()).validUntil = extension.validUntil());
    }

    @EventSourcingHandler
    void on(NoticeConsentChangedEvent event) {
        noticeConsent = event.consented();
    }

    @EventSourcingHandler
    void on(MemberErasedEvent event) {
        erased = true;
    }

    /**
     * A package as far as the rules need it; money and dates only, nothing personal. Equality by value lets the
     * test fixture check that sourcing the events rebuilds the same state.
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class PackageState {
        PurchaseId id;
        String plan;
        PackageKind kind;
        Integer credits;
        int creditsLeft;
        /** Current validity of a time membership, end exclusive; moved by freezes and refunds. */
        Instant validFrom;
        Instant validUntil;
        /** Validity as bought, which a renewal repeats. */
        Instant boughtFrom;
        Instant boughtUntil;
        /** A refunded time membership has ended and is no longer extended. */
        boolean ended;
        Money paid;
        Money refunded;
        /** Refunds waiting for a manager. */
        Money pending;
        Instant purchasedAt;

        Money refundable() {
            return paid.minus(refunded).minus(pending);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PackageState that && creditsLeft == that.creditsLeft && ended == that.ended
                    && Objects.equals(id, that.id) && Objects.equals(plan, that.plan) && kind == that.kind
                    && Objects.equals(credits, that.credits) && Objects.equals(validFrom, that.validFrom)
                    && Objects.equals(validUntil, that.validUntil) && Objects.equals(boughtFrom, that.boughtFrom)
                    && Objects.equals(boughtUntil, that.boughtUntil) && Objects.equals(paid, that.paid)
                    && Objects.equals(refunded, that.refunded) && Objects.equals(pending, that.pending)
                    && Objects.equals(purchasedAt, that.purchasedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, creditsLeft, validUntil, refunded, pending);
        }
    }

    /** A desk sale: its lines and how many units of each were given back or wait to be. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class SaleState {
        PurchaseId id;
        List<SaleLine> lines;
        int[] returned;
        Instant soldAt;

        @Override
        public boolean equals(Object other) {
            return other instanceof SaleState that && Objects.equals(id, that.id) && Objects.equals(lines, that.lines)
                    && Arrays.equals(returned, that.returned) && Objects.equals(soldAt, that.soldAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, Arrays.hashCode(returned));
        }
    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class PendingRefund {
        PurchaseId purchaseId;
        Money amount;
        List<RefundLine> lines;
        Sealed reason;
        StaffId requestedBy;

        @Override
        public boolean equals(Object other) {
            return other instanceof PendingRefund that && Objects.equals(purchaseId, that.purchaseId)
                    && Objects.equals(amount, that.amount) && Objects.equals(lines, that.lines)
                    && Objects.equals(reason, that.reason) && Objects.equals(requestedBy, that.requestedBy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchaseId, amount);
        }
    }

    private record Purchase(PackageState pkg, SaleState sale) {

        PurchaseId id() {
            return pkg != null ? pkg.id : sale.id;
        }

        Instant purchasedAt() {
            return pkg != null ? pkg.purchasedAt : sale.soldAt;
        }
    }
}
