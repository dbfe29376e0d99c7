package org.coalitionledger.security.oidc;

import org.coalitionledger.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleClaimTest {

    @Test
    void readsAListOfNamesInAnyCaseAndIgnoresOthers() {
        assertThat(new RoleClaim("roles").roles(Map.of("roles", List.of("viewer", "Auditor", "TEA_MAKER", 7))))
                .containsExactlyInAnyOrder(Role.VIEWER, Role.AUDITOR);
    }

    @Test
    void readsOneStringOfNames() {
        assertThat(new RoleClaim("groups").roles(Map.of("groups", "RECORDER, metrics  ADMIN")))
                .containsExactlyInAnyOrder(Role.RECORDER, Role.METRICS, Role.ADMIN);
    }

    @Test
    void followsAPathThroughNestedClaimsWhenNoClaimHasTheWholeName() {
        Map<String, Object> keycloak = Map.of("resource_access", Map.of("ledger", Map.of("roles", List.of("ADMIN")),
                                                                        "account", Map.of("roles", List.of("VIEWER"))));
        assertThat(new RoleClaim("resource_access.ledger.roles").roles(keycloak)).containsExactly(Role.ADMIN);
        assertThat(new RoleClaim("https://example.org/roles").roles(Map.of("https://example.org/roles", "VIEWER")))
                .containsExactly(Role.VIEWER);
    }

    @Test
    void noClaimOrNoKnownNameIsNoRole() {
        assertThat(new RoleClaim("roles").roles(Map.of("sub", "x"))).isEmpty();
        assertThat(new RoleClaim("roles").roles(Map.of("roles", List.of("ROLE_ADMIN", "")))).isEmpty();
        assertThat(new RoleClaim("a.b").roles(Map.of("a", "not an object"))).isEmpty();
    }

    @Test
    void authoritiesAreTheRolesSpringSecurityChecks() {
        assertThat(new RoleClaim("roles").authorities(Map.of("roles", List.of("RECORDER"))))
                .extracting(Object::toString).containsExactly("ROLE_RECORDER");
    }
}
