package org.coalitionledger.coalition.query;

/** What an interval of a party in a coalition stands for. */
public enum MemberRole {
    /** The party declared intent to join and has not joined yet. */
    INTENT,
    /** The party is a member. */
    MEMBER,
    /** The party is a lead (always also a member). */
    LEAD
}
