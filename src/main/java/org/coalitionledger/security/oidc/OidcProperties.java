package org.coalitionledger.security.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;

/**
 * The {@code ledger.oidc.*} settings of single sign-on, read only under the {@code oidc} profile; the first three
 * usually come from {@code LEDGER_OIDC_ISSUER_URI}, {@code LEDGER_OIDC_CLIENT_ID} and
 * {@code LEDGER_OIDC_CLIENT_SECRET}.
 *
 * @param issuerUri     the provider's issuer ({@code https://sso.example.org/realms/ministry}); its
 *                      {@code /.well-known/openid-configuration} is read at the first sign-in or Bearer token
 * @param clientId      the ledger's client id at the provider
 * @param clientSecret  the ledger's client secret at the provider
 * @param providerName  the name on the login page's link ("Sign in with …")
 * @param rolesClaim    the claim holding the ledger's roles: a name, or a path through nested objects
 *                      ({@code resource_access.ledger.roles}); values other than a {@code Role} are ignored
 * @param userNameClaim the claim whose value is the user's name in the ledger (as {@code recordedBy}); {@code sub}
 *                      when a token lacks it
 * @param audience      when set, a Bearer token must name it in {@code aud}
 * @param scopes        the scopes asked for at sign-in
 */
@ConfigurationProperties("ledger.oidc")
public record OidcProperties(URI issuerUri, String clientId, String clientSecret, String providerName,
                             String rolesClaim, String userNameClaim, String audience, List<String> scopes) {

    public OidcProperties {
        providerName = blank(providerName) ? "single sign-on" : providerName;
        rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
        userNameClaim = blank(userNameClaim) ? "preferred_username" : userNameClaim;
        audience = blank(audience) ? null : audience;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
    }

    /** Refuses to start without what every sign-in needs, naming the variable to set. */
    void check() {
        if (issuerUri == null || blank(issuerUri.toString())) {
            throw missing("ledger.oidc.issuer-uri (LEDGER_OIDC_ISSUER_URI)");
        }
        if (!"https".equals(issuerUri.getScheme()) && !"http".equals(issuerUri.getScheme())) {
            throw new IllegalStateException("ledger.oidc.issuer-uri must be an https (or http) URL, not " + issuerUri);
        }
        if (blank(clientId)) {
            throw missing("ledger.oidc.client-id (LEDGER_OIDC_CLIENT_ID)");
        }
        if (blank(clientSecret)) {
            throw missing("ledger.oidc.client-secret (LEDGER_OIDC_CLIENT_SECRET)");
        }
    }

    private static IllegalStateException missing(String setting) {
        return new IllegalStateException("The oidc profile needs " + setting + "; see docs/security.md,"
                + " \"Single sign-on\"");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
