package org.coalitionledger.security.user.event;

/** One of {@code user}'s API tokens was revoked (by the user or an admin: see who recorded it). */
public record ApiTokenRevoked(String user, String token) implements UserEvent {
}
