package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.coalitionledger.audit.AuditService;
import org.coalitionledger.audit.Merkle;

import java.util.List;

/** A consistency proof (RFC 9162 section 2.1.4) that the tree of {@code from} is a prefix of the tree of {@code to}. */
@Schema(description = "Consistency proof between two checkpoints, RFC 9162 section 2.1.4")
public record ConsistencyResponse(
        CheckpointResponse from,
        CheckpointResponse to,
        @Schema(description = "The proof's hashes, lowercase hex") List<String> proof) {

    static ConsistencyResponse of(AuditService.ConsistencyProof proof) {
        return new ConsistencyResponse(CheckpointResponse.of(proof.from()), CheckpointResponse.of(proof.to()),
                                       proof.proof().stream().map(Merkle::hex).toList());
    }
}
