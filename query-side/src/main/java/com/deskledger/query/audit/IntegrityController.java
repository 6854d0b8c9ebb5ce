package com.deskledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proof of views: rebuilds a view to compare it with the live one. It checks the stores themselves rather than read
 * a view, so it does not go through the query bus. (The event store's own tamper evidence, chains, signatures and
 * checkpoints, is infra's: it needs the application's keys.)
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class IntegrityController {

    private final ViewVerifier views;

    IntegrityController(ViewVerifier views) {
        this.views = views;
    }

    @PostMapping("/views/{view}/verify")
    @Operation(summary = "Rebuild a view into a shadow copy from the event store and compare it row by row")
    ViewVerifier.ViewVerdict verifyView(@PathVariable String view) {
        return views.verify(view);
    }
}
