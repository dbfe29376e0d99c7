package org.coalitionledger.coalition.web;

import org.coalitionledger.web.FieldChecks;
import org.coalitionledger.web.FieldChecked;
import org.coalitionledger.web.CheckedFields;
import org.coalitionledger.common.Checks;
import org.coalitionledger.coalition.command.AdmitObserver;
import org.coalitionledger.coalition.command.DeclareIntent;
import org.coalitionledger.coalition.command.DesignateLead;
import org.coalitionledger.coalition.command.JoinCoalition;
import org.coalitionledger.coalition.command.LeaveCoalition;
import org.coalitionledger.coalition.command.ReinstateMember;
import org.coalitionledger.coalition.command.SuspendMember;
import org.coalitionledger.common.Source;
import org.coalitionledger.web.Params;

/**
 * JoinCoalition, DeclareIntent, DesignateLead, LeaveCoalition, SuspendMember, ReinstateMember and AdmitObserver.
 * {@code coalition} may come from the path.
 */
@CheckedFields
public record PartyActRequest(String coalition, String party, String effectiveDate, Source source,
                              String notes) implements FieldChecked {

    @Override
    public void check(FieldChecks checks) {
        checks.check(() -> Checks.text("coalition", coalition, Checks.MAX_ID))
              .check(() -> Checks.party("party", party))
              .check(() -> Checks.effectiveDate("effectiveDate", effectiveDate, checks.today()))
              .check(() -> Checks.source(source, checks.today()))
              .check(() -> Checks.notes(notes));
    }

    public PartyActRequest atCoalition(String pathId) {
        return new PartyActRequest(Params.sameId("coalition", coalition, pathId), party, effectiveDate, source, notes);
    }

    public JoinCoalition toJoin(String recordId) {
        return new JoinCoalition(coalition, party, effectiveDate, source, notes, recordId);
    }

    public DeclareIntent toIntent(String recordId) {
        return new DeclareIntent(coalition, party, effectiveDate, source, notes, recordId);
    }

    public DesignateLead toLead(String recordId) {
        return new DesignateLead(coalition, party, effectiveDate, source, notes, recordId);
    }

    public LeaveCoalition toDeparture(String recordId) {
        return new LeaveCoalition(coalition, party, effectiveDate, source, notes, recordId);
    }

    public SuspendMember toSuspension(String recordId) {
        return new SuspendMember(coalition, party, effectiveDate, source, notes, recordId);
    }

    public ReinstateMember toReinstatement(String recordId) {
        return new ReinstateMember(coalition, party, effectiveDate, source, notes, recordId);
    }

    public AdmitObserver toObserver(String recordId) {
        return new AdmitObserver(coalition, party, effectiveDate, source, notes, recordId);
    }
}
