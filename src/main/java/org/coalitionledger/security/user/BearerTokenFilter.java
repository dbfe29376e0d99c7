package org.coalitionledger.security.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.security.Problems;
import org.coalitionledger.security.Role;
import org.coalitionledger.security.user.UserStore.TokenHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates an API request that carries a personal API token ({@code Authorization: Bearer cl_…}): looks up the
 * SHA-256 of the token; an unknown, revoked or expired token, or one whose user is disabled, is a 401. The request
 * then holds the token's roles, as far as its user still holds them. Other bearer tokens (a JWT) pass untouched.
 * When the token was last used is written at most once a minute.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final UserStore store;
    private final Clock clock;
    private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    public BearerTokenFilter(UserStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !header.substring(BEARER.length()).strip().startsWith(UserAccounts.TOKEN_PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        // a database out of reach is answered 503 by security.DatabaseFailureFilter
        Optional<TokenHolder> found = store.tokenByHash(UserAccounts.hash(token));
        Instant now = clock.instant();
        String refused = found.isEmpty() ? "the API token is unknown"
                : found.get().token().revokedAt() != null ? "the API token was revoked"
                : !found.get().token().expiresAt().isAfter(now) ? "the API token has expired"
                : !found.get().userEnabled() ? "the API token's user is disabled" : null;
        if (refused != null) {
            log.warn("Refused an API token from {}: {}", request.getRemoteAddr(), refused);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Coalition Ledger\", error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, refused);
            return;
        }
        TokenHolder holder = found.get();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(holder.token().roles());
        roles.retainAll(holder.userRoles());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(holder.token().user(), holder.token().id(),
                                                          DatabaseUsers.authorities(roles)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        Instant lastUsed = holder.token().lastUsedAt();
        if (lastUsed == null || lastUsed.plus(TOUCH_EVERY).isBefore(now)) {
            store.touchToken(holder.token().id(), now);
        }
        chain.doFilter(request, response);
    }
}
