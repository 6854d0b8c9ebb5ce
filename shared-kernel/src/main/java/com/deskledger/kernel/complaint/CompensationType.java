package com.deskledger.kernel.complaint;

/** What a resolution gives the customer. */
public enum CompensationType {
    REFUND,
    VOUCHER,
    /** 先行赔偿: the business pays first and settles with whoever is liable afterwards (manual 001). */
    PRE_COMPENSATION
}
