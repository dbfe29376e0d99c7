package org.coalitionledger.ui;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Set;
import java.util.stream.Collectors;

/** What every page needs to know about the user: the name, and whether to offer recording and the audit pages. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** The logged-in user and what the pages should offer them. */
    record Viewer(String name, boolean canRecord, boolean canAudit) {
    }

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        return of(authentication);
    }

    static Viewer of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return new Viewer(null, false, false);
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean admin = roles.contains("ROLE_ADMIN");
        return new Viewer(authentication.getName(), admin || roles.contains("ROLE_RECORDER"),
                          admin || roles.contains("ROLE_AUDITOR"));
    }
}
