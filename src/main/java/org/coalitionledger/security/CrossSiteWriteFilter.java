package org.coalitionledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps another site from making a browser write to the API with the Basic credentials it has cached for the ledger
 * (a browser that opened an audit download keeps them). A cross-site page can only send, without a CORS preflight the
 * ledger never grants, a write whose body type is a form's or plain text; so every API POST with such a type (or
 * with none, as an empty form post may have) is refused with 415 before authentication, and so is any write the
 * browser marks as coming from another site. The API's own writes use JSON, JSON Lines or CSV.
 */
final class CrossSiteWriteFilter extends OncePerRequestFilter {

    /** Sent with a plain-text evidence upload; a cross-site form cannot set any header (evidence.EvidenceType). */
    static final String PLAIN_TEXT_HEADER = "X-Ledger-Upload";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
                                                         "text/plain");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
                Problems.write(response, HttpStatus.FORBIDDEN, "writes from another site are refused");
                return;
            }
            String type = request.getContentType();
            if (!request.getMethod().equals("POST")) {
                // a form can only GET or POST; other methods need a preflight that the ledger never grants
                chain.doFilter(request, response);
                return;
            }
            String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (bare.equals("text/plain") && request.getHeader(PLAIN_TEXT_HEADER) != null) {
                // a plain-text evidence file: the header is one that no form can send (docs/security.md)
                chain.doFilter(request, response);
                return;
            }
            if (bare.isEmpty() || FORM_TYPES.contains(bare)) {
                Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "an API write needs a Content-Type of"
                        + " application/json (application/x-ndjson or text/csv for an import); '" + bare
                        + "' is what a form of another site could send, so it is refused");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
