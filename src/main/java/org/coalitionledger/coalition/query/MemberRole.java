package org.coalitionledger.coalition.query;

/** What an interval of a party in a coalition stands for. */
public enum MemberRole {
    /** The party declared intent to join and has not joined yet. */
    INTENT,
    /** The party is a member. */
    MEMBER,
    /** The party is a lead (always also a member). */
    LEAD,
    /** The party is a member but suspended: in no members list, and not a lead while it lasts. */
    SUSPENDED,
    /** The party is an observer (not a member). */
    OBSERVER
}
