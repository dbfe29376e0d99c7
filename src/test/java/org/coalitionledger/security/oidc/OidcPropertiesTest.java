package org.coalitionledger.security.oidc;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcPropertiesTest {

    private static final URI ISSUER = URI.create("https://sso.example.org/realms/ministry");

    @Test
    void theProfileRefusesToStartWithoutIssuerClientOrSecretNamingTheVariable() {
        assertThatThrownBy(() -> properties(null, "ledger", "secret").check())
                .hasMessageContaining("LEDGER_OIDC_ISSUER_URI");
        assertThatThrownBy(() -> properties(ISSUER, " ", "secret").check())
                .hasMessageContaining("LEDGER_OIDC_CLIENT_ID");
        assertThatThrownBy(() -> properties(ISSUER, "ledger", null).check())
                .hasMessageContaining("LEDGER_OIDC_CLIENT_SECRET");
        assertThatThrownBy(() -> properties(URI.create("ftp://sso.example.org"), "ledger", "secret").check())
                .hasMessageContaining("https");
    }

    @Test
    void defaultsForWhatIsLeftOut() {
        OidcProperties properties = properties(ISSUER, "ledger", "secret");
        properties.check();
        assertThat(properties.rolesClaim()).isEqualTo("roles");
        assertThat(properties.userNameClaim()).isEqualTo("preferred_username");
        assertThat(properties.scopes()).isEqualTo(List.of("openid", "profile"));
        assertThat(properties.audience()).isNull();
    }

    private static OidcProperties properties(URI issuer, String client, String secret) {
        return new OidcProperties(issuer, client, secret, null, null, null, "", null);
    }
}
