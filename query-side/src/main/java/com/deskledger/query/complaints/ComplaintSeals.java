package com.deskledger.query.complaints;

import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.member.MemberId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Opens a complaint's sealed values with its customer's key: the member's when the complaint names one, else the
 * complaint's own. A value whose key is gone (the member was erased) reads as {@link #ERASED}.
 */
@Component
class ComplaintSeals {

    /** What the views show in place of a value erased with the member who complained. */
    static final String ERASED = "[erased]";

    private final PersonalDataVault vault;
    private final ComplaintCaseViewRepository cases;

    ComplaintSeals(PersonalDataVault vault, ComplaintCaseViewRepository cases) {
        this.vault = vault;
        this.cases = cases;
    }

    /** Opens with the key of the given complaint and member (null: a customer who is not a member). */
    String open(ComplaintId complaint, MemberId member, Sealed sealed) {
        if (sealed == null) {
            return null;
        }
        Optional<String> plain = member != null ? vault.open(member, sealed) : vault.open(complaint, sealed);
        return plain.orElse(ERASED);
    }

    /**
     * Opens with the key of a complaint already in the view (its row is found in the batch's persistence context
     * even before it is written).
     */
    String open(ComplaintId complaint, Sealed sealed) {
        return open(complaint, memberOf(complaint), sealed);
    }

    MemberId memberOf(ComplaintId complaint) {
        return cases.findById(complaint.value())
                .map(view -> view.memberId == null ? null : MemberId.of(view.memberId)).orElse(null);
    }
}
