package org.coalitionledger.web;

import org.coalitionledger.storage.StorageFull;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Failures of the database rather than of the request, found anywhere in an exception's chain (Axon and Spring wrap
 * them in their own exceptions): the database cannot be reached is {@code 503 Service Unavailable} with
 * {@code Retry-After}; its disk is full is {@code 507 Insufficient Storage}.
 */
public final class Unavailable {

    static final String RETRY_AFTER_SECONDS = "5";

    private Unavailable() {
    }

    /** The answer for a failure of the database, or empty when the failure is something else. */
    public static Optional<ResponseEntity<Object>> answer(Throwable failure) {
        Optional<StorageFull> refused = storageFull(failure);
        if (refused.isPresent()) {
            return Optional.of(ApiExceptionHandler.problem(HttpStatus.INSUFFICIENT_STORAGE, "storage",
                                                           refused.get().getMessage()));
        }
        if (diskFull(failure)) {
            return Optional.of(ApiExceptionHandler.problem(HttpStatus.INSUFFICIENT_STORAGE, "storage",
                    "the database has no space left to write; nothing was written, retry once space is freed"));
        }
        if (databaseUnreachable(failure)) {
            ResponseEntity<Object> problem = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "database",
                    "the database cannot be reached; the request was not completed, retry later");
            return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                       .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
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

    /**
     * The database could not write for want of space: an {@code IOException} "No space left on device" (H2's files,
     * or the server's message passed on) or PostgreSQL's SQL state 53100 (disk_full).
     */
    static boolean diskFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /**
     * No connection to the database could be had or kept: the pool timed out, the connection was refused or broken,
     * or the server is shutting down or refusing connections (SQL state class 08, 57P01-57P03).
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                // the pool's handle of a connection the server ended (Hikari gives it no SQL state)
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException && cause.getCause() == null) {
                return true;
            }
        }
        return false;
    }
}
