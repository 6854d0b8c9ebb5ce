package com.deskledger.infra.cluster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** ADMIN: the nodes on this database, which of them are alive, and which one answered. */
@RestController
@RequestMapping("/api/admin/nodes")
@Tag(name = "Projections", description = "Processor status, lag and replays (ADMIN)")
class NodesController {

    private final ClusterNodes nodes;

    NodesController(ClusterNodes nodes) {
        this.nodes = nodes;
    }

    @GetMapping
    @Operation(summary = "The application nodes on this database: id, start, last heartbeat, live; self is the "
            + "node that answered")
    List<ClusterNodes.Node> list() {
        return nodes.nodes();
    }
}
