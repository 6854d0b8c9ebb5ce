package com.deskledger.kernel.complaint.query;

/** What the complaint list can be sorted by. */
public enum ComplaintSort {
    FILED_AT, UPDATED_AT, SEVERITY, STATUS, LEVEL, CATEGORY, HANDLER, RESOLUTION_DUE_AT
}
