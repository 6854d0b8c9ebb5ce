package com.deskledger.kernel.stock.query;

import com.deskledger.kernel.CentreId;

import java.util.List;

/** A centre's open purchase requests and stocktakes waiting for approval, oldest first. */
public record OpenRequests(CentreId centre, List<OpenRequest> requests) {
}
