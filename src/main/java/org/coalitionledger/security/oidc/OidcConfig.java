package org.coalitionledger.security.oidc;

import org.coalitionledger.security.SignOn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Single sign-on, under the {@code oidc} profile only: the provider ({@link IssuerLookup}, also the
 * {@code ClientRegistrationRepository} Spring Security's OAuth2 client looks for), the {@link SignOn} that
 * {@code SecurityConfig} adds to its chains, and the login page's link.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfig {

    @Bean
    IssuerLookup oidcIssuer(OidcProperties properties) {
        properties.check();
        return new IssuerLookup(properties);
    }

    @Bean
    SignOn oidcSignOn(OidcProperties properties, IssuerLookup issuer) {
        return new OidcSignOn(properties, issuer);
    }

    @Bean
    SignOnLink oidcSignOnLink(OidcProperties properties) {
        return new SignOnLink(properties.providerName(), "/oauth2/authorization/" + IssuerLookup.REGISTRATION);
    }
}
