package org.coalitionledger.security.user.event;

import java.util.List;

/** A user's roles were changed from {@code before} to {@code after}. */
public record UserRolesChanged(String user, List<String> before, List<String> after) implements UserEvent {
}
