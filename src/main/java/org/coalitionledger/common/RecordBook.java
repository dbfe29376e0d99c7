package org.coalitionledger.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An aggregate's book of its records: the record that created it, the party each later record concerns, and which
 * records were retracted. It answers which party a correction or retraction is about, or refuses it by name; what
 * may be corrected or retracted is {@link ActKind#correctable()} and {@link ActKind#retractable()}.
 */
public final class RecordBook {

    private final ActKind creation;
    private String creationRecordId;
    private final Map<String, String> partyOfRecord = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();

    /** @param creation the act that creates the aggregate: a formation or a registration */
    public RecordBook(ActKind creation) {
        this.creation = creation;
    }

    public void created(String recordId) {
        this.creationRecordId = recordId;
    }

    public void recorded(String recordId, String party) {
        partyOfRecord.put(recordId, party);
    }

    public void retracted(String recordId) {
        retracted.add(recordId);
    }

    /**
     * True when the record is the one that created the aggregate and its date may be corrected (a formation).
     *
     * @throws Rejection when it created the aggregate but may not be corrected (a registration)
     */
    public boolean isCorrectableCreation(String recordId, String aggregateId) {
        if (!recordId.equals(creationRecordId)) {
            return false;
        }
        if (!creation.correctable()) {
            throw refused(recordId, aggregateId, "corrected");
        }
        return true;
    }

    /**
     * The party the record concerns, when it may be corrected or retracted.
     *
     * @throws Rejection when the record created the aggregate, was retracted already, or is not in this book
     */
    public String partyOf(String recordId, String aggregateId) {
        if (recordId.equals(creationRecordId)) {
            throw refused(recordId, aggregateId, creation.correctable() ? "retracted" : "corrected or retracted");
        }
        if (retracted.contains(recordId)) {
            throw Rejection.conflict("recordId", "record '" + recordId + "' has been retracted already");
        }
        String party = partyOfRecord.get(recordId);
        if (party == null) {
            throw Rejection.notFound("recordId", "no record '" + recordId + "' in " + aggregateId);
        }
        return party;
    }

    private Rejection refused(String recordId, String aggregateId, String what) {
        String name = creation == ActKind.FormCoalition ? "formation" : "registration";
        return Rejection.conflict("recordId", "record '" + recordId + "' is the " + name + " of " + aggregateId
                + ", which cannot be " + what + "; only the acts of parties can"
                + (creation.correctable() ? " (and the date of the " + name + ")" : ""));
    }

    /** Equal when it holds the same records (Axon's test fixture compares aggregate state). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RecordBook that && creation == that.creation
                && Objects.equals(creationRecordId, that.creationRecordId)
                && partyOfRecord.equals(that.partyOfRecord) && retracted.equals(that.retracted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(creation, creationRecordId, partyOfRecord, retracted);
    }
}
