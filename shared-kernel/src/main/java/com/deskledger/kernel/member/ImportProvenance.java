package com.deskledger.kernel.member;

import com.deskledger.kernel.StaffId;

/**
 * Where an imported member came from: the import (its id, the file's name and SHA-256 checksum), the file's row
 * (1 is the first row after the header), the member's number in the old system, and who ran the import.
 */
public record ImportProvenance(String importId, String fileName, String checksum, int row, String legacyNumber,
                               StaffId importedBy) {

    public ImportProvenance {
        if (importId == null || importId.isBlank() || checksum == null || checksum.isBlank() || row < 1
                || legacyNumber == null || legacyNumber.isBlank() || importedBy == null) {
            throw new IllegalArgumentException("an import's provenance names the import, checksum, row, old "
                    + "member number and importer");
        }
    }
}
