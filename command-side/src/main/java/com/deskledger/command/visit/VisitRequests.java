package com.deskledger.command.visit;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.Outcome;
import com.deskledger.kernel.visit.Purpose;
import com.deskledger.kernel.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request bodies of the visit API. */
final class VisitRequests {

    private VisitRequests() {
    }

    /** {@code centre} may be left out by users of one centre; {@code arrivedAt} defaults to now. */
    record Start(CentreId centre, @NotNull Channel channel, @NotNull Purpose purpose,
                 @Min(0) @Max(99) Integer rings, Instant arrivedAt) {
    }

    record Registration(@NotBlank @Size(max = 100) String visitorName,
                        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String phone,
                        @Size(max = 2000) @FreeText String needs, @Size(max = 100) String referralSource) {

        @Override
        public String toString() {
            return "Registration[personal data hidden]";
        }
    }

    record Consultant(@NotBlank @Size(max = 100) String consultant) {
    }

    record Transfer(@NotBlank @Size(max = 100) String to, @Size(max = 500) @FreeText String reason) {
    }

    record Message(@NotBlank @Size(max = 100) String recipient,
                   @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String callbackNumber,
                   @NotBlank @Size(max = 2000) @FreeText String content) {

        @Override
        public String toString() {
            return "Message[personal data hidden]";
        }
    }

    record MemberLink(@NotBlank @Size(max = 64) String memberId, boolean conversion) {
    }

    record Feedback(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) @FreeText String comment) {
    }

    record End(@NotNull Outcome outcome) {
    }
}
