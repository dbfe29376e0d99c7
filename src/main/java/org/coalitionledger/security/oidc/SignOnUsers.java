package org.coalitionledger.security.oidc;

import org.coalitionledger.common.Text;
import org.coalitionledger.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who signed in through the provider: the user of its ID token (and user info), named by the user-name claim, with
 * the ledger's roles from the roles claim and no others. A user without any of them is refused (error
 * {@value #NO_ROLE}), rather than signed in to see nothing.
 */
final class SignOnUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_ROLE = "no_ledger_role";

    private static final Logger log = LoggerFactory.getLogger(SignOnUsers.class);

    private final OidcUserService provider = new OidcUserService();
    private final RoleClaim roles;
    private final String userNameClaim;

    SignOnUsers(RoleClaim roles, String userNameClaim) {
        this.roles = roles;
        this.userNameClaim = userNameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String nameClaim = user.getClaims().get(userNameClaim) instanceof String ? userNameClaim
                : IdTokenClaimNames.SUB;
        Set<Role> granted = roles.roles(user.getClaims());
        if (granted.isEmpty()) {
            log.warn("Refused single sign-on of '{}': no ledger role in its claim '{}'",
                     Text.clip(String.valueOf(user.getClaims().get(nameClaim))), roles.name());
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE, "no ledger role in the claim '"
                    + roles.name() + "'", null));
        }
        List<GrantedAuthority> authorities = granted.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    /** The user's name in the ledger from a token's claims: the user-name claim, else the subject. */
    static String name(Map<String, Object> claims, String userNameClaim) {
        return claims.get(userNameClaim) instanceof String name && !name.isBlank() ? name
                : String.valueOf(claims.get(IdTokenClaimNames.SUB));
    }
}
