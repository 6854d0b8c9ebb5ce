package com.deskledger.kernel.member.event;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.ImportProvenance;
import com.deskledger.kernel.member.ImportedPackage;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member was brought over from the old system: the first event of their account, in place of an enrolment.
 * Personal values are sealed (null when not given). {@code importedPackage} is what they held there (null: none):
 * it was paid in the old system, so it is no sale here. {@code frozen} members are frozen from {@code at};
 * {@code frozenUntil} is the end the old system had planned (informative: a freeze ends when it is lifted).
 * {@code provenance} names the import file, its checksum and row, the old member number and the importer.
 */
@Revision("1")
public record MemberImportedEvent(MemberId memberId, CentreId centre, MemberKind kind, Sealed name, Sealed idNumber,
                                  Sealed guardianName, Sealed guardianPhone, Sealed phone, Sealed email,
                                  String currency, ImportedPackage importedPackage, boolean frozen,
                                  LocalDate frozenUntil, ImportProvenance provenance, Instant at)
        implements CentreScoped {
}
