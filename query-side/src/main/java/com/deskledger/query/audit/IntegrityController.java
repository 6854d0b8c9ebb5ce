package com.deskledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence and proof of views: recomputes the events' hash chains, and rebuilds a view to compare it with
 * the live one. Both check the stores themselves rather than read a view, so they do not go through the query bus.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class IntegrityController {

    private final HashChainVerifier verifier;
    private final ViewVerifier views;

    IntegrityController(HashChainVerifier verifier, ViewVerifier views) {
        this.verifier = verifier;
        this.views = views;
    }

    @PostMapping("/views/{view}/verify")
    @Operation(summary = "Rebuild a view into a shadow copy from the event store and compare it row by row")
    ViewVerifier.ViewVerdict verifyView(@PathVariable String view) {
        return views.verify(view);
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chains (all, one aggregate, or a global-index range); first broken link")
    HashChainVerifier.Verdict verify(@RequestParam(required = false) String aggregate,
                                     @RequestParam(required = false) Long from,
                                     @RequestParam(required = false) Long to) {
        return verifier.verify(aggregate, from, to);
    }
}
