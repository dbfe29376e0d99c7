package org.coalitionledger.coalition.web;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.recording.ActBodies;
import org.coalitionledger.recording.ActBody;
import org.springframework.stereotype.Component;

import java.util.List;

/** The bodies of a coalition's acts. */
@Component
class CoalitionActBodies implements ActBodies {

    @Override
    public List<ActBody<?>> bodies() {
        return List.of(new ActBody<>(ActKind.FormCoalition, FormCoalitionRequest.class,
                                     FormCoalitionRequest::toCommand),
                       new ActBody<>(ActKind.JoinCoalition, PartyActRequest.class, PartyActRequest::toJoin),
                       new ActBody<>(ActKind.DeclareIntent, PartyActRequest.class, PartyActRequest::toIntent),
                       new ActBody<>(ActKind.DesignateLead, PartyActRequest.class, PartyActRequest::toLead),
                       new ActBody<>(ActKind.LeaveCoalition, PartyActRequest.class, PartyActRequest::toDeparture),
                       new ActBody<>(ActKind.SuspendMember, PartyActRequest.class, PartyActRequest::toSuspension),
                       new ActBody<>(ActKind.ReinstateMember, PartyActRequest.class,
                                     PartyActRequest::toReinstatement),
                       new ActBody<>(ActKind.AdmitObserver, PartyActRequest.class, PartyActRequest::toObserver));
    }
}
