package org.coalitionledger.history.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementAct;
import org.coalitionledger.agreement.event.ConsentExpressed;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.agreement.event.WithdrawalNotified;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.support.RecordTime;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.coalitionledger.common.Source;
import org.coalitionledger.common.RecordMetadata;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;

/** The history of every coalition: each act with its source, who recorded it and when. */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class HistoryProjection {

    public static final String GROUP = "history";

    interface Entries extends JpaRepository<HistoryEntryRow, String>, JpaSpecificationExecutor<HistoryEntryRow> {

        List<HistoryEntryRow> findByCoalitionId(String coalitionId);

        /** The newest row recorded up to {@code knownAt} of each coalition given. */
        @Query("select h from HistoryEntryRow h where h.coalitionId in :coalitions and h.position ="
                + " (select max(g.position) from HistoryEntryRow g where g.coalitionId = h.coalitionId"
                + " and g.recordedAt <= :knownAt) order by h.position desc")
        List<HistoryEntryRow> lastOf(Collection<String> coalitions, Instant knownAt);

    }

    /** Formation first, then by effective date (as corrected); a stable sort keeps recording order for ties. */
    private static final Comparator<HistoryResponse.Entry> EFFECTIVE_ORDER = Comparator
            .comparing((HistoryResponse.Entry entry) -> !ActKind.FormCoalition.command().equals(entry.command()))
            .thenComparing(entry -> entry.effectiveDate() == null ? null : PartialDate.parse(entry.effectiveDate())
                                   .start(), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A processor batch's rows, inserted with one JDBC batch when its transaction is about to commit. */
    private static final String PENDING = HistoryProjection.class.getName() + ".rows";
    private static final String INSERT = "insert into history_entry (record_id, coalition_id, agreement_id, command,"
            + " party, effective_date, effective_start, details, source_title, source_url, source_publisher,"
            + " source_published_on, source_quote, source_evidence, notes, target_record_id, recorded_by, recorded_at,"
            + " event_position) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int[] INSERT_TYPES = {VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DATE, VARCHAR,
            VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, TIMESTAMP_WITH_TIMEZONE,
            BIGINT};

    private final Entries entries;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    HistoryProjection(Entries entries, JdbcTemplate jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecordedAct act, EventMessage<?> message) {
        HistoryEntryRow row = new HistoryEntryRow(act.recordId());
        row.command = act.kind().command();
        Map<String, Object> details = new LinkedHashMap<>();
        if (act instanceof CoalitionFormed formed) {
            row.coalitionId = formed.coalition();
            details.put("name", formed.name());
            details.put("parentGroup", formed.parentGroup());
            details.put("focusAreas", formed.focusAreas());
        } else if (act instanceof PartyAct partyAct) {
            row.coalitionId = partyAct.coalition();
            row.party = partyAct.party();
        } else if (act instanceof AgreementRegistered registered) {
            row.coalitionId = registered.coalition();
            row.agreementId = registered.agreement();
            details.put("title", registered.title());
            details.put("commitmentTerm", registered.commitmentTerm());
            details.put("commitmentStarts", registered.commitmentStarts());
            details.put("entryIntoForce", registered.entryIntoForce());
            details.put("withdrawalNotice", registered.withdrawalNotice());
        } else if (act instanceof AgreementAct agreementAct) {
            row.coalitionId = agreementAct.coalition();
            row.agreementId = agreementAct.agreement();
            if (act instanceof SignatoryAct signatoryAct) {
                row.party = signatoryAct.party();
            }
            if (act instanceof ConsentExpressed consent) {
                details.put("means", consent.means());
            }
            if (act instanceof WithdrawalNotified notice && notice.takesEffect() != null) {
                details.put("takesEffect", notice.takesEffect().text());
            }
        } else if (act instanceof RecordCorrected corrected) {
            row.coalitionId = corrected.coalition();
            row.agreementId = corrected.agreement();
            row.party = corrected.party();
            row.targetRecordId = corrected.correctedRecordId();
            details.put("previousEffectiveDate", corrected.previousEffectiveDate().text());
        } else if (act instanceof RecordRetracted retracted) {
            row.coalitionId = retracted.coalition();
            row.agreementId = retracted.agreement();
            row.party = retracted.party();
            row.targetRecordId = retracted.retractedRecordId();
        } else {
            return;
        }
        PartialDate date = act.effectiveDate();
        row.effectiveDate = date == null ? null : date.text();
        row.effectiveStart = date == null ? null : date.start();
        details.values().removeIf(value -> value == null);
        row.details = details.isEmpty() ? null : write(details);
        Source source = act.source();
        row.sourceTitle = source.title();
        row.sourceUrl = source.url();
        row.sourcePublisher = source.publisher();
        row.sourcePublishedOn = source.publishedOn();
        row.sourceQuote = source.quote();
        row.sourceEvidence = source.evidenceOrEmpty().isEmpty() ? null : String.join(",", source.evidence());
        row.notes = act.notes();
        row.recordedBy = (String) message.getMetaData().getOrDefault(RecordMetadata.RECORDED_BY, "unknown");
        row.recordedAt = RecordTime.of(message.getTimestamp());
        row.position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(0) : 0;
        insert(row);
    }

    /**
     * Rows are only ever inserted: those of a processor batch (up to 1,000 events) go to the database in one JDBC
     * batch, in the batch's transaction, right before it commits, rather than one by one through JPA (whose
     * transaction proxy and flush took more of the projection's time than its own work).
     */
    private void insert(HistoryEntryRow row) {
        Object[] values = {row.getId(), row.coalitionId, row.agreementId, row.command, row.party, row.effectiveDate,
                row.effectiveStart, row.details, row.sourceTitle, row.sourceUrl, row.sourcePublisher,
                row.sourcePublishedOn, row.sourceQuote, row.sourceEvidence, row.notes, row.targetRecordId,
                row.recordedBy, row.recordedAt.atOffset(ZoneOffset.UTC), row.position};
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.batchUpdate(INSERT, List.<Object[]>of(values), INSERT_TYPES);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<List<Object[]>>getOrComputeResource(PENDING, key -> {
            List<Object[]> rows = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> jdbc.batchUpdate(INSERT, rows, INSERT_TYPES));
            return rows;
        }).add(values);
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    @QueryHandler
    public Optional<HistoryResponse> handle(FetchHistoryQuery query) {
        List<HistoryEntryRow> rows = entries.findByCoalitionId(query.coalition()).stream()
                .filter(row -> !row.recordedAt.isAfter(query.knownAt()))
                .toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<HistoryEntryRow>> correctionsOf = new HashMap<>();
        rows.stream().filter(row -> row.targetRecordId != null)
                .sorted(Comparator.comparingLong(row -> row.position))
                .forEach(row -> correctionsOf.computeIfAbsent(row.targetRecordId, id -> new ArrayList<>()).add(row));
        List<HistoryResponse.Entry> acts = rows.stream()
                .filter(row -> row.targetRecordId == null)
                .sorted(Comparator.comparingLong(row -> row.position))
                .map(row -> entry(row, correctionsOf.getOrDefault(row.getId(), List.of())))
                .sorted(EFFECTIVE_ORDER)
                .toList();
        return Optional.of(new HistoryResponse(query.coalition(), query.knownAt(), acts));
    }

    /** The event log: every recorded row matching the filters, newest first. */
    @QueryHandler
    public EventLogResponse handle(FindEventLogQuery query) {
        List<Specification<HistoryEntryRow>> filters = new ArrayList<>();
        if (query.coalition() != null) {
            filters.add((row, q, where) -> where.equal(row.get("coalitionId"), query.coalition()));
        }
        if (query.party() != null) {
            filters.add((row, q, where) -> where.equal(row.get("party"), query.party()));
        }
        if (query.recordedBy() != null) {
            filters.add((row, q, where) -> where.equal(row.get("recordedBy"), query.recordedBy()));
        }
        if (query.recordedFrom() != null) {
            filters.add((row, q, where) -> where.greaterThanOrEqualTo(row.get("recordedAt"), query.recordedFrom()));
        }
        if (query.recordedUntil() != null) {
            filters.add((row, q, where) -> where.lessThan(row.get("recordedAt"), query.recordedUntil()));
        }
        int limit = Math.max(1, query.limit());
        List<HistoryEntryRow> rows = entries.findAll(Specification.allOf(filters),
                                                     PageRequest.of(0, limit + 1,
                                                                    Sort.by(Sort.Direction.DESC, "position")))
                .getContent();
        List<EventLogResponse.LogEntry> listed = rows.stream().limit(limit).map(HistoryProjection::logEntry)
                .toList();
        return new EventLogResponse(listed, rows.size() > limit);
    }

    /** The last act of each coalition asked about, from one statement (the overview asks for a page of them). */
    @QueryHandler
    public EventLogResponse handle(FindLastActsQuery query) {
        if (query.coalitions().isEmpty()) {
            return new EventLogResponse(List.of(), false);
        }
        return new EventLogResponse(entries.lastOf(query.coalitions(), query.knownAt()).stream()
                                            .map(HistoryProjection::logEntry).toList(), false);
    }

    private static EventLogResponse.LogEntry logEntry(HistoryEntryRow row) {
        PartialDate date = row.effectiveDate == null ? null : PartialDate.parse(row.effectiveDate);
        return new EventLogResponse.LogEntry(row.getId(), row.command, row.coalitionId, row.agreementId,
                                             row.party, row.effectiveDate,
                                             date == null ? null : date.precision(), row.targetRecordId,
                                             source(row), row.notes, row.recordedBy, row.recordedAt,
                                             row.position);
    }

    private HistoryResponse.Entry entry(HistoryEntryRow row, List<HistoryEntryRow> corrections) {
        String effectiveDate = row.effectiveDate;
        boolean retracted = false;
        List<HistoryResponse.Correction> listed = new ArrayList<>();
        for (HistoryEntryRow correction : corrections) {
            Map<String, Object> details = read(correction.details);
            if (ActKind.RetractRecord.command().equals(correction.command)) {
                retracted = true;
            } else {
                effectiveDate = correction.effectiveDate;
            }
            listed.add(new HistoryResponse.Correction(
                    correction.getId(), correction.command, correction.effectiveDate,
                    (String) details.get("previousEffectiveDate"), correction.notes, source(correction),
                    correction.recordedBy, correction.recordedAt));
        }
        PartialDate date = effectiveDate == null ? null : PartialDate.parse(effectiveDate);
        return new HistoryResponse.Entry(
                row.getId(), row.command, row.agreementId, row.party, effectiveDate,
                date == null ? null : date.precision(), row.effectiveDate, retracted, read(row.details),
                source(row), row.notes, row.recordedBy, row.recordedAt, listed);
    }

    private static Source source(HistoryEntryRow row) {
        return new Source(row.sourceTitle, row.sourceUrl, row.sourcePublisher, row.sourcePublishedOn, row.sourceQuote,
                          row.sourceEvidence == null ? null : List.of(row.sourceEvidence.split(",")));
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write details", e);
        }
    }

    private Map<String, Object> read(String details) {
        if (details == null) {
            return Map.of();
        }
        try {
            return json.readValue(details, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read details", e);
        }
    }
}
