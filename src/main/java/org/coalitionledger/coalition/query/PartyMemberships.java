package org.coalitionledger.coalition.query;

import org.coalitionledger.common.Precision;

import java.util.List;

/**
 * The coalitions of one state on a day: where it is a member (with its role), where it intends to join, where it is
 * a suspended member and where an observer.
 */
public record PartyMemberships(List<Membership> memberships, List<Membership> intending, List<Membership> suspended,
                               List<Membership> observers) {

    public record Membership(String coalition, String name, MemberRole role, String since, Precision precision,
                             boolean certain) {
    }
}
