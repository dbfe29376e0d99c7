package org.coalitionledger.security.user.event;

/**
 * A change to a user or to one of their API tokens. Stored in the event store as events of the aggregate type
 * {@code UserAccount} (aggregate id {@code user:<name>}), so that the audit tree seals them like every act; who made
 * the change is in the metadata ({@code recordedBy}), when is the event's time. No event carries a password or a hash.
 * They are no acts: the history, the projections, the replay and the export pass them by.
 */
public sealed interface UserEvent permits UserCreated, UserRolesChanged, UserEnabled, UserDisabled,
        OneTimePasswordIssued, PasswordChanged, ApiTokenIssued, ApiTokenRevoked {

    /** The user the change concerns. */
    String user();
}
