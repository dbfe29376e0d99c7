package org.coalitionledger.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coalitionledger.admin.RebuildService.Progress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Administration: rebuilding projections from the event store. */
@RestController
@Tag(name = "Administration")
class AdminController {

    private final RebuildService rebuilds;

    AdminController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/admin/rebuilds/{group}")
    @Operation(summary = "Rebuild a projection (membership, commitments or history) from the event store")
    ResponseEntity<Progress> rebuild(@PathVariable String group) {
        return ResponseEntity.accepted().body(rebuilds.start(group));
    }

    @GetMapping("/api/admin/rebuilds")
    @Operation(summary = "Progress of the rebuilds under way (on any node) and of those finished since start-up:"
            + " done, total, rate")
    List<Progress> rebuilds() {
        return rebuilds.rebuilds();
    }
}
