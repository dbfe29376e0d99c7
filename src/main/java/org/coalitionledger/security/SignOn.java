package org.coalitionledger.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import java.util.List;

/**
 * A further way to sign in besides the ledger's own users, added to the API's and the pages' filter chains when a
 * bean of this type exists: single sign-on under the {@code oidc} profile ({@code security.oidc}). Without one the
 * chains are as {@link SecurityConfig} builds them.
 */
public interface SignOn {

    /** Adds to the API's chain (HTTP Basic, no session, problem details). */
    void api(HttpSecurity http) throws Exception;

    /** Adds to the pages' chain (form login, session); {@code passwords} checks the ledger's own users. */
    void pages(HttpSecurity http, AuthenticationManager passwords) throws Exception;

    /**
     * Origins besides the ledger that the pages' forms, and the redirects answering them, may lead to (the pages'
     * Content-Security-Policy {@code form-action}): where logging out sends a user of the sign-on.
     */
    default List<String> formTargets() {
        return List.of();
    }
}
