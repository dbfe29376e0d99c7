package org.coalitionledger.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.function.Supplier;

/**
 * Where the API finds who is calling besides HTTP Basic: for a GET (or HEAD) request, the session a user signed in
 * with on the pages, so that the pages' links to downloads (the audit bundle, a report, the export) work without a
 * second login. Writes never read the session, so they keep needing Basic credentials (and CSRF tokens stay
 * unnecessary); nothing is ever saved to a session, nor a session created, by the API.
 */
final class SignedInDownloads implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignedInDownloads() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (reads(request)) {
            return sessions.loadDeferredContext(request);
        }
        return new Empty();
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return reads(holder.getRequest()) ? sessions.loadContext(holder)
                                          : SecurityContextHolder.createEmptyContext();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the API keeps no session: a Basic login is for its one request
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return reads(request) && sessions.containsContext(request);
    }

    private static boolean reads(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** No one, for requests that may not use the session. */
    private static final class Empty implements DeferredSecurityContext {

        private SecurityContext context;

        @Override
        public SecurityContext get() {
            if (context == null) {
                context = SecurityContextHolder.createEmptyContext();
            }
            return context;
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}
