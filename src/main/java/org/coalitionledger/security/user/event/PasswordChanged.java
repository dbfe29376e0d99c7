package org.coalitionledger.security.user.event;

/** The user chose a new password (the event says nothing of it). */
public record PasswordChanged(String user) implements UserEvent {
}
