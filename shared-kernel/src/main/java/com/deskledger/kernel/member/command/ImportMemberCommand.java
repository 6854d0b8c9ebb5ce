package com.deskledger.kernel.member.command;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.member.ImportProvenance;
import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bring a member over from the old system, as one row of an import file says: personal data in plain text (sealed
 * by the aggregate), the package they hold (optional), whether they are frozen (and until when the old system said),
 * and where the row came from.
 */
public record ImportMemberCommand(@TargetAggregateIdentifier MemberId memberId, CentreId centre, MemberKind kind,
                                  String name, String idNumber, String guardianName, String guardianPhone,
                                  String phone, String email, String currency, ImportedPackage importedPackage,
                                  boolean frozen, LocalDate frozenUntil, ImportProvenance provenance, Instant at)
        implements CentreScoped {

    @Override
    public String toString() {
        return "ImportMemberCommand[memberId=" + memberId + ", centre=" + centre + ", row=" + provenance.row()
                + ", personal data hidden]";
    }
}
