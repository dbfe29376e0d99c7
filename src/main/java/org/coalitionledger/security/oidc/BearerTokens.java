package org.coalitionledger.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.regex.Pattern;

/**
 * The API's Bearer JWTs: which tokens are JWTs for the provider to have checked (three base64url parts; any other
 * Bearer token is left to other authentication, and without one is refused like a missing login), and the caller
 * they stand for — named by the user-name claim, with the roles of the roles claim.
 */
final class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken>, BearerTokenResolver {

    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final RoleClaim roles;
    private final String userNameClaim;

    BearerTokens(RoleClaim roles, String userNameClaim) {
        this.roles = roles;
        this.userNameClaim = userNameClaim;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !JWT.matcher(authorization.substring(7).trim()).matches()) {
            return null;
        }
        return header.resolve(request);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles.authorities(jwt.getClaims()),
                                          SignOnUsers.name(jwt.getClaims(), userNameClaim));
    }
}
