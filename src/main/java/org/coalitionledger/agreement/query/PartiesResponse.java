package org.coalitionledger.agreement.query;

import org.coalitionledger.agreement.event.ConsentMeans;
import org.coalitionledger.agreement.query.AgreementFold.Result;
import org.coalitionledger.agreement.query.AgreementFold.Rule;
import org.coalitionledger.agreement.query.AgreementFold.Tenure;
import org.coalitionledger.agreement.query.CommitmentFold.Act;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Precision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The parties of one agreement on {@code asOf} as the ledger knew them at {@code knownAt}: its general entry into
 * force when reached by then, and one entry per state with an act on or before {@code asOf}. Fields not yet reached
 * are null (the date a notified withdrawal takes effect is given from the notice on).
 */
public record PartiesResponse(String agreement, LocalDate asOf, Instant knownAt, EntryIntoForce entryIntoForce,
                              List<Party> parties) {

    /** The general entry into force: its date as given (or a day, when derived), and whether it is certain. */
    public record EntryIntoForce(String date, Precision precision, boolean certain) {
    }

    /** One state's standing; {@code certain} is false when asOf falls in the window of a date it depends on. */
    public record Party(String party, String name, PartyStatus status, String signed, String consented,
                        ConsentMeans means, String inForceFrom, String withdrawalNotified,
                        String withdrawalTakesEffect, boolean certain) {
    }

    /** The answer from the agreement's acts as known at knownAt (those after asOf are left out here). */
    public static PartiesResponse on(String agreement, LocalDate asOf, Instant knownAt, Rule rule, List<Act> acts) {
        List<Act> reached = acts.stream().filter(act -> !act.date().start().isAfter(asOf)).toList();
        Result result = AgreementFold.fold(rule, reached);
        PartialDate general = reached(result.entryIntoForce(), asOf);
        EntryIntoForce entry = general == null ? null
                : new EntryIntoForce(general.text(), general.precision(), !general.isUncertainOn(asOf));
        List<Party> parties = new ArrayList<>();
        result.tenures().forEach((party, tenures) -> {
            if (!tenures.isEmpty()) {
                parties.add(party(party, tenures.get(tenures.size() - 1), asOf));
            }
        });
        return new PartiesResponse(agreement, asOf, knownAt, entry, parties);
    }

    private static Party party(String party, Tenure tenure, LocalDate asOf) {
        PartialDate signed = tenure.signed() == null ? null : tenure.signed().date();
        PartialDate consented = tenure.consented() == null ? null : tenure.consented().date();
        PartialDate inForce = reached(tenure.inForceFrom(), asOf);
        PartialDate notified = tenure.notified() == null ? null : tenure.notified().date();
        PartialDate ended = tenure.ended();
        PartyStatus status;
        if (ended != null && !ended.start().isAfter(asOf)) {
            status = PartyStatus.WITHDRAWN;
        } else if (notified != null) {
            status = PartyStatus.WITHDRAWAL_NOTIFIED;
        } else if (inForce != null) {
            status = PartyStatus.PARTY;
        } else if (consented != null) {
            status = PartyStatus.CONSENTED;
        } else {
            status = PartyStatus.SIGNATORY;
        }
        boolean certain = Stream.of(signed, consented, inForce, notified, ended).filter(Objects::nonNull)
                .noneMatch(date -> date.isUncertainOn(asOf));
        return new Party(party, Parties.nameOf(party), status, text(signed), text(consented),
                         tenure.consented() == null || tenure.consented().means() == null
                                 ? null : ConsentMeans.valueOf(tenure.consented().means()),
                         text(inForce), text(notified), text(ended), certain);
    }

    private static PartialDate reached(PartialDate date, LocalDate asOf) {
        return date == null || date.start().isAfter(asOf) ? null : date;
    }

    private static String text(PartialDate date) {
        return date == null ? null : date.text();
    }
}
