package org.coalitionledger.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration
        .OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers
        .OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OpenID Connect provider inside the tests: Spring Authorization Server in a small servlet context of its own
 * (no auto-configuration, so none of the ledger's), on a random port of {@code localhost}, started on first use and
 * kept for the test run. It knows the ledger as client {@value #CLIENT_ID} (authorization code, redirect to any port
 * of {@code 127.0.0.1}: browse the ledger there, so that the provider's session cookie, kept for
 * {@code localhost}, does not replace the ledger's), two users and three machine clients, and puts each one's
 * roles into the claim {@code roles} of its ID and access tokens ({@link #ROLES}). It ends its session at its
 * end_session_endpoint ({@code /connect/logout}, OpenID Connect RP-initiated logout, on by default with OIDC).
 */
public final class TestOidcProvider {

    public static final String CLIENT_ID = "ledger";
    public static final String CLIENT_SECRET = "ledger-secret-" + UUID.randomUUID();
    /** A user who holds the RECORDER role (and a role the ledger does not know). */
    public static final String RECORDER_USER = "olivia";
    /** A user who holds no role of the ledger. */
    public static final String ROLELESS_USER = "nora";
    public static final String PASSWORD = "pw-" + UUID.randomUUID();
    /** Machine clients (client credentials) whose access tokens carry the roles named after them. */
    public static final String VIEWER_CLIENT = "robot-viewer";
    public static final String RECORDER_CLIENT = "robot-recorder";
    public static final String ROLELESS_CLIENT = "robot-none";

    /** The value of the claim {@code roles} for each user and client: any case, unknown names among them. */
    static final Map<String, List<String>> ROLES = Map.of(
            RECORDER_USER, List.of("RECORDER", "TEA_MAKER"),
            ROLELESS_USER, List.of("NOBODY"),
            VIEWER_CLIENT, List.of("viewer", "unknown"),
            RECORDER_CLIENT, List.of("RECORDER"),
            ROLELESS_CLIENT, List.of());

    private static final RSAKey KEY = rsaKey();
    private static AnnotationConfigServletWebServerApplicationContext server;

    private TestOidcProvider() {
    }

    /** The issuer, {@code http://localhost:<port>}; starts the provider on first use. */
    public static synchronized String issuer() {
        if (server == null) {
            server = new AnnotationConfigServletWebServerApplicationContext(Provider.class);
            server.registerShutdownHook();
        }
        return "http://localhost:" + server.getWebServer().getPort();
    }

    /**
     * Lets the provider send a browser back to {@code uri} after logging it out (RP-initiated logout at its
     * {@code /connect/logout}): a post-logout redirect URI of the ledger's client, registered exactly, as the
     * ledger's port is random.
     */
    public static synchronized void allowReturnAfterLogout(String uri) {
        issuer();
        RegisteredClientRepository clients = server.getBean(RegisteredClientRepository.class);
        clients.save(RegisteredClient.from(clients.findById(CLIENT_ID)).postLogoutRedirectUri(uri).build());
    }

    /** An access token of a machine client, through the client credentials grant at the provider's token endpoint. */
    public static String accessToken(String client) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client + ":" + machineSecret(client)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                                                                              HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the test provider gave no token: " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each client has a secret of its own (the provider refuses two clients with one secret). */
    private static String machineSecret(String client) {
        return CLIENT_SECRET + "-" + client;
    }

    /** A JWT with these claims signed with the provider's own key, as if it had issued it. */
    public static String signed(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    /** A JWT with these claims signed with another key under the provider's key id: a forgery. */
    public static String forged(JWTClaimsSet claims) {
        return sign(claims, rsaKey(KEY.getKeyID()));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        return rsaKey(UUID.randomUUID().toString());
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not a {@code @Configuration}: the ledger's component scan would find it on the test class path. */
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setRegisterDefaultServlet(true);
            return factory;
        }

        @Bean
        @Order(1)
        SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, provider -> provider.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(userInfo -> userInfo.jwt(Customizer.withDefaults()))
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(RECORDER_USER).password("{noop}" + PASSWORD).roles("USER").build(),
                    User.withUsername(ROLELESS_USER).password("{noop}" + PASSWORD).roles("USER").build());
        }

        @Bean
        RegisteredClientRepository clients() {
            RegisteredClient ledger = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    // a loopback address: the provider accepts it on any port, as the ledger's port is random
                    .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(ledger, machine(VIEWER_CLIENT), machine(RECORDER_CLIENT),
                                                          machine(ROLELESS_CLIENT));
        }

        private static RegisteredClient machine(String id) {
            return RegisteredClient.withId(id).clientId(id).clientSecret("{noop}" + machineSecret(id))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> roles() {
            return context -> {
                String name = context.getPrincipal().getName();
                context.getClaims().claim("roles", ROLES.getOrDefault(name, List.of()))
                        .claim("preferred_username", name);
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            return new ImmutableJWKSet<>(new JWKSet(KEY));
        }

        @Bean
        JwtDecoder userInfoTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
