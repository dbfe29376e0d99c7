package org.coalitionledger.security.oidc;

import org.coalitionledger.security.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's roles in a token's claims: the claim named {@code ledger.oidc.roles-claim}, or, when no claim has
 * that name, the path it spells through nested objects ({@code resource_access.ledger.roles}, where Keycloak puts a
 * client's roles). A list of names, or one string of names separated by spaces or commas; case does not matter;
 * names that are no {@link Role} are ignored.
 */
final class RoleClaim {

    private final String claim;

    RoleClaim(String claim) {
        this.claim = claim;
    }

    String name() {
        return claim;
    }

    Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object value = claims.containsKey(claim) ? claims.get(claim) : nested(claims);
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        for (Object name : names) {
            if (name instanceof String text) {
                role(text).ifPresent(roles::add);
            }
        }
        return roles;
    }

    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return roles(claims).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private Object nested(Map<String, Object> claims) {
        Object at = claims;
        for (String step : claim.split("\\.")) {
            if (!(at instanceof Map<?, ?> object)) {
                return null;
            }
            at = object.get(step);
        }
        return at;
    }

    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
