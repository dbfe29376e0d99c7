package org.coalitionledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The filters that read the users' tables before a request reaches the API (sign-in, the check of a remembered
 * login, API tokens, the user's state) answer, while the database cannot be reached, as the API does: 503 with
 * {@code Retry-After} and a problem detail naming the database, not a 500. Failures the API's own handlers answer
 * never get here; any other failure passes on unchanged.
 */
class DatabaseFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFailureFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Could not complete {} {}: the database cannot be reached ({})", request.getMethod(),
                     Text.clip(request.getRequestURI()), e.getMessage());
            Problems.databaseUnreachable(response);
        }
    }

    /** A connection to the database could not be had or kept (pool timeout, refused, broken, server ending it). */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
