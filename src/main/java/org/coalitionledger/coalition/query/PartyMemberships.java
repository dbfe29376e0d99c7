package org.coalitionledger.coalition.query;

import org.coalitionledger.common.Precision;

import java.util.List;

/** The coalitions of one state on a day: where it is a member (with its role) and where it intends to join. */
public record PartyMemberships(List<Membership> memberships, List<Membership> intending) {

    public record Membership(String coalition, String name, MemberRole role, String since, Precision precision,
                             boolean certain) {
    }
}
