package org.coalitionledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Text;
import org.coalitionledger.storage.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

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
            if (!DatabaseFailures.unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Could not complete {} {}: the database cannot be reached ({})", request.getMethod(),
                     Text.clip(request.getRequestURI()), e.getMessage());
            Problems.databaseUnreachable(response);
        }
    }
}
