package org.coalitionledger.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

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
}
