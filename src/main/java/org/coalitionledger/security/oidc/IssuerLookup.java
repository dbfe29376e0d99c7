package org.coalitionledger.security.oidc;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;

/**
 * The provider as the ledger knows it: its client registration for the sign-in and the decoder of its JWTs, both
 * made from its discovery document when first needed (never at start, so a ledger starts, and its own users log
 * in, while the provider is down), and kept once made.
 */
final class IssuerLookup implements ClientRegistrationRepository, JwtDecoder {

    static final String REGISTRATION = "oidc";

    private final OidcProperties properties;
    private volatile ClientRegistration registration;
    private volatile JwtDecoder decoder;

    IssuerLookup(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
        if (!REGISTRATION.equals(id)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                            .registrationId(REGISTRATION)
                            .clientName(properties.providerName())
                            .clientId(properties.clientId())
                            .clientSecret(properties.clientSecret())
                            .scope(properties.scopes())
                            .build();
                }
                known = registration;
            }
        }
        return known;
    }

    @Override
    public Jwt decode(String token) {
        JwtDecoder known = decoder;
        if (known == null) {
            synchronized (this) {
                if (decoder == null) {
                    decoder = made();
                }
                known = decoder;
            }
        }
        return known.decode(token);
    }

    private JwtDecoder made() {
        String issuer = properties.issuerUri().toString();
        NimbusJwtDecoder made;
        try {
            made = JwtDecoders.fromIssuerLocation(issuer);
        } catch (RuntimeException unreachable) {
            // not a BadJwtException: the token may be good, the provider cannot say so now
            throw new JwtException("the provider's configuration cannot be read from " + issuer);
        }
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuer);
        if (properties.audience() != null) {
            validator = new DelegatingOAuth2TokenValidator<>(validator, this::meantForTheLedger);
        }
        made.setJwtValidator(validator);
        return made;
    }

    private OAuth2TokenValidatorResult meantForTheLedger(Jwt jwt) {
        return jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token's audience (aud)"
                        + " does not name " + properties.audience(), null));
    }
}
