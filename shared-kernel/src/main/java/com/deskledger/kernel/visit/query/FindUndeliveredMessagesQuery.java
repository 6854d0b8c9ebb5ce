package com.deskledger.kernel.visit.query;

import com.deskledger.kernel.CentreId;

/** The to-do list of one centre: messages not yet delivered, oldest first. */
public record FindUndeliveredMessagesQuery(CentreId centre, int page, int size, boolean revealPersonal) {
}
