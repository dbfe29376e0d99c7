package org.coalitionledger.security.oidc;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

import java.io.IOException;

/**
 * Where the browser goes once the ledger's session has ended (RP-initiated logout). A user signed in through the
 * provider is sent to its {@code end_session_endpoint} with their ID token ({@code id_token_hint}) and the way back,
 * {@code {baseUrl}/login?logout} ({@code post_logout_redirect_uri}), so that the provider's session ends too and
 * the next sign-in asks for the password again. A user signed in with a password, a provider whose discovery
 * document names no {@code end_session_endpoint}, and a provider that cannot be reached: the login page, as before.
 */
final class ProviderLogout implements LogoutSuccessHandler {

    /** The login page saying "You have logged out." */
    static final String LOGGED_OUT = "/login?logout";

    private static final Logger log = LoggerFactory.getLogger(ProviderLogout.class);

    private final OidcClientInitiatedLogoutSuccessHandler atProvider;
    private final SimpleUrlLogoutSuccessHandler here = new SimpleUrlLogoutSuccessHandler();

    ProviderLogout(ClientRegistrationRepository registrations) {
        atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        atProvider.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT);
        atProvider.setDefaultTargetUrl(LOGGED_OUT);
        here.setDefaultTargetUrl(LOGGED_OUT);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException, ServletException {
        try {
            atProvider.onLogoutSuccess(request, response, authentication);
        } catch (RuntimeException unreachable) {
            // the ledger's session has ended already; only the provider's may live on
            log.warn("Logged '{}' out of the ledger only: the single sign-on provider's logout cannot be found ({})",
                     authentication == null ? null : Text.clip(authentication.getName()),
                     Text.clip(String.valueOf(unreachable.getMessage())));
            here.onLogoutSuccess(request, response, authentication);
        }
    }
}
