package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.coalitionledger.audit.AuditService;
import org.coalitionledger.audit.Merkle;

import java.util.List;

/** An inclusion proof (RFC 9162 section 2.1.3) of one record in the tree of a checkpoint. */
@Schema(description = "Inclusion proof of a record in the tree of a checkpoint, RFC 9162 section 2.1.3")
public record ProofResponse(
        String recordId,
        String eventId,
        @Schema(description = "The record's position in the tree, 0-based") long leafIndex,
        long treeSize,
        @Schema(description = "SHA-256(0x00 ‖ canonical form of the event), lowercase hex") String leafHash,
        @Schema(description = "The audit path, lowercase hex") List<String> auditPath,
        String rootHash,
        CheckpointResponse checkpoint) {

    static ProofResponse of(AuditService.InclusionProof proof) {
        return new ProofResponse(proof.recordId(), proof.eventId(), proof.leafIndex(), proof.checkpoint().treeSize(),
                                 Merkle.hex(proof.leafHash()), proof.auditPath().stream().map(Merkle::hex).toList(),
                                 proof.checkpoint().rootHex(), CheckpointResponse.of(proof.checkpoint()));
    }
}
