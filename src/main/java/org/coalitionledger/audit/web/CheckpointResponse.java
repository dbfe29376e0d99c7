package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.coalitionledger.audit.Checkpoint;

/** A signed checkpoint: the tree of the first {@code treeSize} leaves has root {@code rootHash}. */
@Schema(description = "A signed checkpoint of the Merkle tree")
public record CheckpointResponse(
        @Schema(description = "Number of leaves the checkpoint covers") long treeSize,
        @Schema(description = "Root of the tree of those leaves, lowercase hex") String rootHash,
        @Schema(description = "When it was signed, yyyy-MM-ddTHH:mm:ss.SSSZ", example = "2024-02-14T10:00:00.123Z")
        String createdAt,
        @Schema(description = "Ed25519 signature of signedText, base64") String signature,
        @Schema(description = "The exact text the signature covers") String signedText) {

    static CheckpointResponse of(Checkpoint checkpoint) {
        return new CheckpointResponse(checkpoint.treeSize(), checkpoint.rootHex(), checkpoint.createdAtText(),
                                      checkpoint.signatureBase64(), checkpoint.signedText());
    }

    static CheckpointResponse ofNullable(Checkpoint checkpoint) {
        return checkpoint == null ? null : of(checkpoint);
    }
}
