package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;

/** What waits in a centre: purchase requests not yet approved or not yet fully received, stocktakes to approve. */
public record FindOpenRequestsQuery(CentreId centre) {
}
