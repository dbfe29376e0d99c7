package org.coalitionledger.security.user.event;

import java.util.List;

/**
 * A user was created: through the API ({@code origin} "api" or "web", with a one-time password), imported from the
 * configuration ("configuration") or as the initial admin of a first start ("initial-admin").
 */
public record UserCreated(String user, List<String> roles, String origin, boolean oneTimePassword)
        implements UserEvent {
}
