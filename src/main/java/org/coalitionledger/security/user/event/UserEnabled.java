package org.coalitionledger.security.user.event;

/** A disabled user may sign in again. */
public record UserEnabled(String user) implements UserEvent {
}
