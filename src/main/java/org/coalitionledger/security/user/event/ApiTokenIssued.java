package org.coalitionledger.security.user.event;

import java.util.List;

/**
 * A personal API token was issued to {@code user}: its id, name, roles and expiry (an ISO-8601 instant). The token
 * itself, and its hash, are in no event.
 */
public record ApiTokenIssued(String user, String token, String name, List<String> roles, String expiresAt)
        implements UserEvent {
}
