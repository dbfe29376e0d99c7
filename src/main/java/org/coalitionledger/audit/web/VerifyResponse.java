package org.coalitionledger.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.coalitionledger.audit.Verification;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of a full verification: {@code ok}, {@code tampered} (with the first problem) or {@code stale} (with
 * the reason; sealing has failed or stopped). {@code reason} is left out unless stale; {@code latestCheckpoint} and
 * {@code firstProblem} are null when there is none.
 */
@Schema(description = "The outcome of verifying the event store against the tree and every signed checkpoint")
public record VerifyResponse(
        @Schema(allowableValues = {"ok", "tampered", "stale"}) String status,
        @Schema(description = "Why the audit is stale; present only when status is stale")
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        Instant verifiedAt,
        @Schema(description = "Sealed positions compared") long checkedRecords,
        @Schema(description = "Events not sealed yet") long pending,
        @Schema(description = "Signed checkpoints") int checkpoints,
        @Schema(description = "Checkpoints that matched before the first problem") int verifiedCheckpoints,
        @Schema(description = "Tree size up to which every checkpoint matched") long verifiedThrough,
        @Schema(nullable = true) CheckpointResponse latestCheckpoint,
        @Schema(nullable = true) VerifyProblem firstProblem) {

    static VerifyResponse of(Verification.Result result, Optional<String> staleReason, Instant verifiedAt) {
        String status = !result.ok() ? "tampered" : staleReason.isPresent() ? "stale" : "ok";
        return new VerifyResponse(status, staleReason.orElse(null), verifiedAt, result.checkedRecords(),
                                  result.pending(), result.checkpoints(), result.verifiedCheckpoints(),
                                  result.verifiedThrough(), CheckpointResponse.ofNullable(result.latestCheckpoint()),
                                  VerifyProblem.ofNullable(result.firstProblem()));
    }
}
