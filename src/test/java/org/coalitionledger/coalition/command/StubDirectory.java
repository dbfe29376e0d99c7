package org.coalitionledger.coalition.command;

import org.coalitionledger.common.PartialDate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link CoalitionDirectory} for aggregate tests: the coalitions and taken ids it is told about. */
public class StubDirectory implements CoalitionDirectory {

    private final Map<String, PartialDate> coalitions = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<String, List<DatedAct>> agreementActs = new HashMap<>();

    public StubDirectory withCoalition(String id, String formedOn) {
        coalitions.put(id, PartialDate.parse(formedOn));
        taken.add(id);
        return this;
    }

    /** Declares an act of one of the coalition's agreements. */
    public StubDirectory withAgreementAct(String coalition, DatedAct act) {
        agreementActs.computeIfAbsent(coalition, c -> new ArrayList<>()).add(act);
        return this;
    }

    public StubDirectory withTaken(String id) {
        taken.add(id);
        return this;
    }

    @Override
    public Optional<PartialDate> formedOn(String coalition) {
        return Optional.ofNullable(coalitions.get(coalition));
    }

    @Override
    public List<DatedAct> agreementActs(String coalition) {
        return agreementActs.getOrDefault(coalition, List.of());
    }

    @Override
    public boolean isTaken(String id) {
        return taken.contains(id);
    }
}
