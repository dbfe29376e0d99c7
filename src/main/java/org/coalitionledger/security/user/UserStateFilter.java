package org.coalitionledger.security.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.Problems;
import org.coalitionledger.security.Role;
import org.coalitionledger.security.user.UserStore.StoredUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks, on every request of a user signed in with a password (a session, HTTP Basic) or an API token, that the user
 * is still stored and enabled and that the password they signed in with is still theirs; if not, the request is a 401
 * and the session ends. The request then holds the user's current roles (a token's: those the user still holds).
 * A user holding a one-time password may only change it ({@code POST /api/users/me/password}, the page
 * {@code /account/password}), sign out and load the pages' assets: anything else is a 403 saying so (a page is
 * redirected to the password page). One lookup of the user by name per request. Other authentications (single
 * sign-on) pass untouched.
 */
public final class UserStateFilter extends OncePerRequestFilter {

    public static final String PASSWORD_API = "/api/users/me/password";
    public static final String PASSWORD_PAGE = "/account/password";

    private static final Logger log = LoggerFactory.getLogger(UserStateFilter.class);

    private final UserStore store;

    public UserStateFilter(UserStore store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean password = authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof DatabaseUsers.SignedIn;
        boolean token = authentication instanceof TokenAuthentication;
        if (!password && !token) {
            chain.doFilter(request, response);
            return;
        }
        // a database out of reach is answered 503 by security.DatabaseFailureFilter
        Optional<StoredUser> found = store.find(authentication.getName());
        String refused = found.isEmpty() ? "the user no longer exists"
                : !found.get().enabled() ? "user '" + Text.clip(authentication.getName()) + "' is disabled"
                : password && ((DatabaseUsers.SignedIn) authentication.getPrincipal()).credentialsVersion()
                        != found.get().credentialsVersion() ? "the password has changed: sign in again" : null;
        if (refused != null) {
            log.warn("Refused {} {} to user '{}': {}", request.getMethod(), Text.clip(request.getRequestURI()),
                     Text.clip(authentication.getName()), refused);
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (isApi(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Coalition Ledger\", charset=\"UTF-8\"");
                Problems.write(response, HttpStatus.UNAUTHORIZED, refused);
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, refused);
            }
            return;
        }
        StoredUser user = found.get();
        if (user.oneTimePassword() && !mayWithOneTimePassword(request)) {
            if (!isApi(request) && "GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            } else if (isApi(request)) {
                Problems.write(response, HttpStatus.FORBIDDEN, "user '" + Text.clip(user.name()) + "' holds a"
                        + " one-time password: change it first (POST " + PASSWORD_API + " or the page "
                        + PASSWORD_PAGE + ")");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        refreshRoles(authentication, user.roles(), token);
        chain.doFilter(request, response);
    }

    /** Puts the user's current roles on this request's authentication, if they changed since it was made. */
    private static void refreshRoles(Authentication authentication, Set<Role> current, boolean token) {
        Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : current) {
            if (!token || held.contains(role.authority())) {
                roles.add(role);
            }
        }
        Set<String> now = roles.stream().map(Role::authority).collect(Collectors.toSet());
        if (now.equals(held)) {
            return;
        }
        Authentication refreshed;
        if (token) {
            refreshed = new TokenAuthentication(authentication.getName(),
                                                ((TokenAuthentication) authentication).tokenId(),
                                                DatabaseUsers.authorities(roles));
        } else {
            UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getPrincipal(), null, DatabaseUsers.authorities(roles));
            fresh.setDetails(authentication.getDetails());
            refreshed = fresh;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(refreshed);
        SecurityContextHolder.setContext(context);
    }

    private static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    private static boolean mayWithOneTimePassword(HttpServletRequest request) {
        String path = path(request);
        String method = request.getMethod();
        return ("POST".equals(method) && (path.equals(PASSWORD_API) || path.equals("/logout")))
                || path.equals(PASSWORD_PAGE) || path.equals("/login") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/favicon.");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
