package org.coalitionledger.web;

import org.coalitionledger.storage.DatabaseFailures;
import org.coalitionledger.storage.StorageFull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Optional;

/**
 * Failures of the database rather than of the request, found anywhere in an exception's chain (Axon and Spring wrap
 * them in their own exceptions): the database cannot be reached is {@code 503 Service Unavailable} with
 * {@code Retry-After}; its disk is full is {@code 507 Insufficient Storage}.
 */
public final class Unavailable {

    private Unavailable() {
    }

    /** The answer for a failure of the database, or empty when the failure is something else. */
    public static Optional<ResponseEntity<Object>> answer(Throwable failure) {
        Optional<StorageFull> refused = storageFull(failure);
        if (refused.isPresent()) {
            return Optional.of(ApiExceptionHandler.problem(HttpStatus.INSUFFICIENT_STORAGE, "storage",
                                                           refused.get().getMessage()));
        }
        if (DatabaseFailures.diskFull(failure)) {
            return Optional.of(ApiExceptionHandler.problem(HttpStatus.INSUFFICIENT_STORAGE, "storage",
                    "the database has no space left to write; nothing was written, retry once space is freed"));
        }
        if (DatabaseFailures.unreachable(failure)) {
            ResponseEntity<Object> problem = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "database",
                    DatabaseFailures.UNREACHABLE);
            return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                       .header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS)
                                       .body(problem.getBody()));
        }
        return Optional.empty();
    }

    /** The refusal of a write for want of space on the data directory, anywhere in the chain. */
    static Optional<StorageFull> storageFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StorageFull full) {
                return Optional.of(full);
            }
        }
        return Optional.empty();
    }
}
