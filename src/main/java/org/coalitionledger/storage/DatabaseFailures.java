package org.coalitionledger.storage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Failures of the database rather than of a request, found anywhere in an exception's chain (Axon, Spring and
 * Hibernate wrap them in their own exceptions). One rule for the API's handlers ({@code web.Unavailable}) and the
 * filters that read the users' tables before a request reaches them ({@code security.DatabaseFailureFilter}).
 */
public final class DatabaseFailures {

    /** What the answer (503) to a request the database could not serve says, from the API and the filters alike. */
    public static final String UNREACHABLE =
            "the database cannot be reached; the request was not completed, retry later";
    /** When that answer says to try again ({@code Retry-After}, seconds). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseFailures() {
    }

    /**
     * No connection to the database could be had or kept: the pool timed out, the connection was refused or broken,
     * or the server is shutting down or refusing connections (SQL state class 08, 57P01-57P03).
     */
    public static boolean unreachable(Throwable failure) {
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

    /**
     * The database could not write for want of space: an {@code IOException} "No space left on device" (H2's files,
     * or the server's message passed on) or PostgreSQL's SQL state 53100 (disk_full).
     */
    public static boolean diskFull(Throwable failure) {
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
}
