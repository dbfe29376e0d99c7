package org.coalitionledger.security.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the session of a user who just changed their password on the pages: it is signed in again with the new
 * credentials, so that it goes on working while every other session made with the old password ends.
 */
@Component
public class Sessions {

    private final UserStore store;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    Sessions(UserStore store) {
        this.store = store;
    }

    public void signInAgain(String name, HttpServletRequest request, HttpServletResponse response) {
        store.find(name).ifPresent(user -> {
            DatabaseUsers.SignedIn principal = new DatabaseUsers.SignedIn(user);
            principal.eraseCredentials();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    principal, null, principal.getAuthorities()));
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
        });
    }
}
