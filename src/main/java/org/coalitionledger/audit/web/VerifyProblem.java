package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.coalitionledger.audit.Verification;

/** The first thing verify found wrong, at the first tree position it affects. */
@Schema(description = "The first thing found wrong, at the first position it affects (0-based, tree order)")
public record VerifyProblem(
        long position,
        String recordId,
        String eventId,
        @Schema(allowableValues = {"modified", "deleted", "inserted", "reordered", "leaf-altered",
                "checkpoint-mismatch", "bad-signature", "checkpoint-beyond-tree"})
        String kind,
        @Schema(description = "Tree size of the checkpoint concerned, if any") Long checkpoint,
        String detail) {

    static VerifyProblem ofNullable(Verification.Problem problem) {
        return problem == null ? null : new VerifyProblem(problem.position(), problem.recordId(), problem.eventId(),
                                                          problem.kind().label(), problem.checkpoint(),
                                                          problem.detail());
    }
}
