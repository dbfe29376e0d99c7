package org.coalitionledger.security.user.event;

/** An admin reset the user's password: they hold a one-time password until they choose their own. */
public record OneTimePasswordIssued(String user) implements UserEvent {
}
