package com.deskledger.command.member;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.FreeText;
import com.deskledger.kernel.NotPersonal;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.member.ProductCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the member API. Times of events are the server's; only business dates come from the desk. */
final class MemberRequests {

    static final String PHONE = "[0-9+\\- ()]*";

    private MemberRequests() {
    }

    /** {@code centre} may be left out by users of one centre; {@code visitId} is the visit that led here. */
    record Enrol(CentreId centre, @NotNull MemberKind kind, @NotBlank @Size(max = 100) String name,
                 @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9\\- ]*") String idNumber,
                 @Size(max = 100) String guardianName,
                 @Size(max = 30) @Pattern(regexp = PHONE) String guardianPhone,
                 @Size(max = 30) @Pattern(regexp = PHONE) String phone,
                 @Size(max = 200) @Email String email,
                 @Size(max = 64) String visitId) {

        @Override
        public String toString() {
            return "Enrol[personal data hidden]";
        }
    }

    /** An amount in minor units (fen, cents); the currency defaults to the centre's. */
    record Amount(@NotNull @PositiveOrZero Long minor, @Size(max = 3) @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    /**
     * A credit pack gives {@code credits}; a time membership runs from {@code validFrom} (default today) to
     * {@code validUntil} (its last day) or for {@code days}.
     */
    record Package(@NotBlank @Size(max = 100) @NotPersonal String plan, @NotNull PackageKind kind,
                   @Min(1) @Max(10_000) Integer credits, LocalDate validFrom, LocalDate validUntil,
                   @Min(1) @Max(3660) Integer days, @NotNull @Valid Amount price,
                   @NotNull PaymentMethod paymentMethod, @Size(max = 50) String invoiceNumber) {
    }

    record Renewal(@NotBlank @Size(max = 64) String purchaseId, @NotNull @Valid Amount price,
                   @NotNull PaymentMethod paymentMethod, @Size(max = 50) String invoiceNumber) {
    }

    record Sale(@NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines, @NotNull PaymentMethod paymentMethod,
                @Size(max = 50) String invoiceNumber) {
    }

    record Line(@NotBlank @Size(max = 50) String productCode, @Size(max = 200) @NotPersonal String description,
                @NotNull ProductCategory category, @NotNull @Min(1) @Max(10_000) Integer quantity,
                @NotNull @Valid Amount unitPrice) {
    }

    /** A package is refunded by {@code amount}; a desk sale by {@code lines} (all of it when none are named). */
    record Refund(@NotBlank @Size(max = 64) String purchaseId, @Valid Amount amount,
                  @Size(max = 50) List<@NotNull @Valid LineQuantity> lines, @Size(max = 500) @FreeText String reason) {

        @Override
        public String toString() {
            return "Refund[purchaseId=" + purchaseId + ", reason hidden]";
        }
    }

    record LineQuantity(@NotNull @Min(1) Integer line, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    record Decision(@Size(max = 500) @FreeText String reason) {

        @Override
        public String toString() {
            return "Decision[reason hidden]";
        }
    }

    record Session(@NotBlank @Size(max = 100) String classCode, @NotNull Instant scheduledStart,
                   @Size(max = 50) String room) {
    }

    record Leave(@NotBlank @Size(max = 100) String classCode, @NotNull Instant scheduledStart,
                 @Size(max = 50) String room, @Size(max = 500) @FreeText String reason) {

        @Override
        public String toString() {
            return "Leave[classCode=" + classCode + ", reason hidden]";
        }
    }

    record Freeze(@Size(max = 500) @FreeText String reason) {

        @Override
        public String toString() {
            return "Freeze[reason hidden]";
        }
    }

    /** Fields left out stay as they were. */
    record Contact(@Size(max = 30) @Pattern(regexp = PHONE) String phone, @Size(max = 200) @Email String email,
                   @Size(max = 100) String guardianName,
                   @Size(max = 30) @Pattern(regexp = PHONE) String guardianPhone) {

        @Override
        public String toString() {
            return "Contact[personal data hidden]";
        }
    }
}
