package org.coalitionledger.security.user;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;

/** A request authenticated by a personal API token: the user's name, the token's id, the token's roles. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final String user;
    private final String tokenId;

    TokenAuthentication(String user, String tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user;
    }

    public String tokenId() {
        return tokenId;
    }
}
