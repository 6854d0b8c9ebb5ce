package com.deskledger.kernel.member.query;

import com.deskledger.kernel.CentreId;

/** Refunds of a centre waiting for a manager's approval, oldest first. */
public record FindPendingRefundsQuery(CentreId centre, int page, int size) {
}
