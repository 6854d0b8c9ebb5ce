package com.deskledger.command.complaint;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.FreeText;
import com.deskledger.kernel.NotPersonal;
import com.deskledger.kernel.complaint.CompensationType;
import com.deskledger.kernel.complaint.ComplaintCategory;
import com.deskledger.kernel.complaint.ComplaintChannel;
import com.deskledger.kernel.complaint.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request bodies of the complaint API. */
final class ComplaintRequests {

    private ComplaintRequests() {
    }

    /**
     * The complaint registration form. {@code centre} may be left out by users of one centre; {@code receivedAt}
     * (when the complaint reached the desk, e.g. a letter's arrival) defaults to now; {@code visitId} links the visit
     * or call it came from.
     */
    record File(CentreId centre, @NotNull ComplaintChannel channel, @NotNull @Valid Customer customer,
                @NotNull ComplaintCategory category, @NotBlank @Size(max = 4000) @FreeText String description,
                @NotNull Severity severity, @Size(max = 64) String visitId, Instant receivedAt) {

        @Override
        public String toString() {
            return "File[personal data hidden]";
        }
    }

    /** A member, or a name and phone number for someone who is not one. */
    record Customer(@Size(max = 64) String memberId, @Size(max = 100) String name,
                    @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String phone) {

        @Override
        public String toString() {
            return "Customer[personal data hidden]";
        }
    }

    record Triage(@NotBlank @Size(max = 200) @NotPersonal String nature,
                  @NotBlank @Size(max = 100) @NotPersonal String department,
                  @NotNull Severity severity) {
    }

    record Assignment(@NotBlank @Size(max = 100) String handler) {
    }

    record Escalation(@Size(max = 2000) @FreeText String note) {
    }

    record Note(@NotBlank @Size(max = 4000) @FreeText String text) {
    }

    /** {@code compensation} may be left out; its amount is in minor units (fen, cents). */
    record Resolution(@NotBlank @Size(max = 4000) @FreeText String summary, @Valid Compensation compensation) {
    }

    record Compensation(@NotNull CompensationType type, @NotNull @Positive Long amountMinor,
                        @NotBlank @Size(max = 3) @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    record Rejection(@NotBlank @Size(max = 2000) @FreeText String reason) {
    }

    record Answer(@NotNull Boolean satisfied, @Size(max = 2000) @FreeText String comment) {
    }

    record Pause(@NotBlank @Size(max = 2000) @FreeText String reason) {
    }

    /** {@code satisfied} only counts when the customer was reached. */
    record FollowUp(@NotNull Boolean reached, Boolean satisfied, @Size(max = 2000) @FreeText String notes) {
    }

    record Withdrawal(@Size(max = 2000) @FreeText String reason) {
    }
}
