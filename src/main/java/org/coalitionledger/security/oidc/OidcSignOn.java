package org.coalitionledger.security.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.Problems;
import org.coalitionledger.security.SignOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Single sign-on in the ledger's two filter chains. The API takes a Bearer JWT of the provider beside HTTP Basic:
 * a token that is not valid (signature, issuer, expiry, audience) gets 401, one valid but holding no ledger role 403,
 * both as problem details. The pages take the authorization code flow beside the form login, at
 * {@code /oauth2/authorization/oidc}; a refused sign-in shows the login page with the reason (403 without a role).
 * Logging out of the pages ends the provider's session too for its users ({@link ProviderLogout}).
 */
final class OidcSignOn implements SignOn {

    /** The request attribute the login page shows when a sign-in was refused. */
    static final String REFUSED = "signOnRefused";

    private static final Logger log = LoggerFactory.getLogger(OidcSignOn.class);

    private final OidcProperties properties;
    private final IssuerLookup issuer;
    private final RoleClaim roles;

    OidcSignOn(OidcProperties properties, IssuerLookup issuer) {
        this.properties = properties;
        this.issuer = issuer;
        this.roles = new RoleClaim(properties.rolesClaim());
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        BearerTokens tokens = new BearerTokens(roles, properties.userNameClaim());
        JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(issuer);
        jwts.setJwtAuthenticationConverter(tokens);
        http.oauth2ResourceServer(server -> server
                        .bearerTokenResolver(tokens)
                        .authenticationEntryPoint(OidcSignOn::refuseToken)
                        // the chain's own manager checks passwords: the tokens have their own
                        .jwt(jwt -> jwt.authenticationManager(new ProviderManager(jwts)))
                        // also when the provider cannot be reached (Spring's handler would rethrow that: a 500)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(OidcSignOn::refuseToken);
                                return filter;
                            }
                        }))
                .addFilterAfter(new RoleRequired(roles.name()), BearerTokenAuthenticationFilter.class);
    }

    @Override
    public void pages(HttpSecurity http, AuthenticationManager passwords) throws Exception {
        OidcAuthorizationCodeAuthenticationProvider signIns = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(),
                new SignOnUsers(roles, properties.userNameClaim()));
        // the chain's manager serves the form login and the sign-in alike: each takes the logins it knows
        http.authenticationManager(new ProviderManager(List.of(signIns), passwords))
                .oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(issuer)
                        .failureHandler(this::refuseSignIn)
                        // the way there fails too while the provider cannot be reached: the same page, no 500
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(OidcSignOn.this::refuseSignIn);
                                return filter;
                            }
                        }))
                // logging out of the ledger logs out of the provider too (its users), which the logout form leads to
                .logout(logout -> logout.logoutSuccessHandler(new ProviderLogout(issuer)));
    }

    /** The provider's scheme, host and port: its end_session_endpoint lies there, where logging out leads. */
    @Override
    public List<String> formTargets() {
        URI issuerUri = properties.issuerUri();
        return List.of(issuerUri.getScheme() + "://" + issuerUri.getHost()
                               + (issuerUri.getPort() < 0 ? "" : ":" + issuerUri.getPort()));
    }

    private static void refuseToken(HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException failure) throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Cannot check a bearer token for {} {}: {}", request.getMethod(),
                     Text.clip(request.getRequestURI()), failure.getMessage());
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "the bearer token cannot be checked now: the"
                    + " single sign-on provider does not answer");
            return;
        }
        String reason = failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription()
                : failure.getMessage();
        log.warn("Refused a bearer token for {} {} from {}: {}", request.getMethod(),
                 Text.clip(request.getRequestURI()), request.getRemoteAddr(), Text.clip(reason));
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Problems.write(response, HttpStatus.UNAUTHORIZED, "the bearer token is not accepted: " + reason);
    }

    private void refuseSignIn(HttpServletRequest request, HttpServletResponse response,
                              AuthenticationException failure) throws IOException, ServletException {
        boolean noRole = failure instanceof OAuth2AuthenticationException oauth
                && SignOnUsers.NO_ROLE.equals(oauth.getError().getErrorCode());
        if (noRole) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.setAttribute(REFUSED, "Your account at " + properties.providerName() + " holds no role in the"
                    + " ledger (claim " + roles.name() + "). Ask the ledger's administrator for one.");
        } else {
            log.warn("Single sign-on from {} failed: {}{}", request.getRemoteAddr(), Text.clip(failure.getMessage()),
                     failure.getCause() == null ? "" : " (" + Text.clip(failure.getCause().toString()) + ")");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            request.setAttribute(REFUSED, "Signing in with " + properties.providerName() + " did not succeed."
                    + " Try again, or log in with a ledger user name and password.");
        }
        request.getRequestDispatcher("/login").forward(request, response);
    }

    /** Refuses a valid Bearer token that holds none of the ledger's roles, saying so. */
    private static final class RoleRequired extends OncePerRequestFilter {

        private final String claim;

        RoleRequired(String claim) {
            this.claim = claim;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller instanceof JwtAuthenticationToken token && token.getAuthorities().isEmpty()) {
                log.warn("Denied {} {} to bearer token of '{}' from {}: no ledger role in its claim '{}'",
                         request.getMethod(), Text.clip(request.getRequestURI()), Text.clip(token.getName()),
                         request.getRemoteAddr(), claim);
                Problems.write(response, HttpStatus.FORBIDDEN, "the bearer token holds no role of the ledger in"
                        + " its claim '" + claim + "' (VIEWER, RECORDER, AUDITOR, ADMIN or METRICS)");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
