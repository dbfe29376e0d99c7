package org.coalitionledger.security.user.event;

/** A user may no longer sign in; their sessions and API tokens stopped working. */
public record UserDisabled(String user) implements UserEvent {
}
