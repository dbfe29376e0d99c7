package org.coalitionledger.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.correction.web.CorrectionRequest;
import org.coalitionledger.correction.web.RetractionRequest;
import org.coalitionledger.recording.ActBody;
import org.coalitionledger.recording.ActCatalog;
import org.coalitionledger.recording.ProjectionBarrier;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.web.JsonInput;
import org.coalitionledger.web.JsonProblems;
import org.coalitionledger.web.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports JSON Lines, one command per line, all or nothing: every line is checked against the ledger and against
 * the lines before it inside one unit of work, which is committed only when no line failed.
 * <p>
 * Lines may come in any order. When every line carries the {@code recordedAt} of an export, they are replayed in
 * that original recording order (the order the source ledger accepted them in). Otherwise coalitions are formed
 * first, agreements registered next, then acts applied in effective-date order, then corrections and retractions
 * in line order. A correction may name a record of the ledger, or a {@code recordId} given on an earlier line of
 * the same file.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int MAX_LINE_CHARS = 64 * 1024;
    private static final int PROGRESS_EVERY = 10_000;

    private final Recorder recorder;
    private final TransactionManager transactions;
    private final ProjectionBarrier barrier;
    private final ActCatalog catalog;
    private final Requests requests;
    private final ImportRuns runs;
    private final ReviewImport reviewLines;
    /** Read as request bodies are: unknown fields, duplicate keys and numbers for text refused ({@link JsonInput}). */
    private final ObjectMapper json = JsonInput.strict(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build());

    ImportService(Recorder recorder, TransactionManager transactions, ProjectionBarrier barrier,
                  ActCatalog catalog, Requests requests, ImportRuns runs, ReviewImport reviewLines) {
        this.recorder = recorder;
        this.reviewLines = reviewLines;
        this.runs = runs;
        this.requests = requests;
        this.catalog = catalog;
        this.transactions = transactions;
        this.barrier = barrier;
    }

    /** A line that could not be imported, by its 1-based number. */
    public record LineError(long line, String field, String message) {

        /** One error for each field the rejection names. */
        static List<LineError> of(long line, Rejection rejection) {
            return rejection.errors().stream().map(error -> new LineError(line, error.field(), error.message()))
                    .toList();
        }
    }

    /** What an import did; on failure nothing was written and {@code errors} lists every bad line. */
    public record ImportResult(boolean dryRun, long lines, long imported, Map<String, Long> byCommand,
                               List<LineError> errors, boolean visible) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * One parsed line: its command body (or, for a review line, its {@code review} fields), the record id it will
     * get here, the coalition and agreement it names, and what it said about where it came from (an export's record
     * id, recorder and record time).
     */
    private record Line(long number, ActBody<?> body, Object request, String recordId, LocalDate effective,
                        String exportedRecordId, Instant exportedAt, String exportedBy, String coalition,
                        String agreement, ReviewImport.Fields review) {

        ActKind kind() {
            return body.kind();
        }

        /** A correction, retraction, finding or completion: its {@code recordId} names another record. */
        boolean names() {
            return review != null ? review.names() : kind().isCorrection();
        }

        String command() {
            return review != null ? review.command() : kind().name();
        }
    }

    public ImportResult importLines(InputStream body, boolean dryRun, String recordedBy) throws IOException {
        return importLines(body, dryRun, recordedBy, true);
    }

    /**
     * As {@link #importLines(InputStream, boolean, String)}; with {@code awaitVisible} false it answers as soon as
     * the import has committed, without waiting for the projections to show it ({@code visible} is then false).
     */
    public ImportResult importLines(InputStream body, boolean dryRun, String recordedBy, boolean awaitVisible)
            throws IOException {
        ImportRuns.Run run = start(recordedBy, dryRun, "jsonl", -1);
        try {
            ImportResult result = importLines(body, dryRun, recordedBy, awaitVisible, run);
            run.end(result.ok() ? ImportRuns.Stage.DONE : ImportRuns.Stage.REJECTED, result);
            return result;
        } finally {
            run.failed();
        }
    }

    /** The import of this node about to start, or {@link ImportBusyException} while another runs. */
    ImportRuns.Run start(String recordedBy, boolean dryRun, String format, long declaredBytes) {
        return runs.start(recordedBy, dryRun, format, declaredBytes)
                .orElseThrow(() -> new ImportBusyException(runs.running().orElse(null)));
    }

    /** As above, as the given run (started by the caller, who ends it with the answer). */
    ImportResult importLines(InputStream body, boolean dryRun, String recordedBy, boolean awaitVisible,
                             ImportRuns.Run run) throws IOException {
        List<LineError> errors = new ArrayList<>();
        ExportTrailer.CheckedInput checked = new ExportTrailer.CheckedInput(counted(body, run));
        List<Line> lines = read(checked, errors, run);
        checked.check();
        return apply(lines, errors, dryRun, recordedBy, awaitVisible, run);
    }

    /** The body, counting its bytes into the run's progress. */
    static InputStream counted(InputStream body, ImportRuns.Run run) {
        return new java.io.FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    run.read(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    run.read(n);
                }
                return n;
            }
        };
    }

    /**
     * Lines read elsewhere (CSV rows), parsed as they come so that only the parsed line is held, then applied under
     * the same rules by {@link #apply()}.
     */
    final class Lines {

        private final List<Line> lines = new ArrayList<>();
        private final List<LineError> errors;
        private final boolean dryRun;
        private final String recordedBy;
        private final ImportRuns.Run run;

        private Lines(List<LineError> errors, boolean dryRun, String recordedBy, ImportRuns.Run run) {
            this.errors = errors;
            this.dryRun = dryRun;
            this.recordedBy = recordedBy;
            this.run = run;
        }

        void add(long number, ObjectNode fields) {
            run.lineRead();
            try {
                lines.add(parse(number, fields));
            } catch (Rejection rejection) {
                errors.addAll(LineError.of(number, rejection));
                run.refusedOnReading();
            }
        }

        long count() {
            return lines.size() + errors.size();
        }

        ImportResult apply() {
            return ImportService.this.apply(lines, errors, dryRun, recordedBy, true, run);
        }
    }

    /** Lines to be read elsewhere (the CSV import) and applied under the same rules, as the given run. */
    Lines lines(List<LineError> errors, boolean dryRun, String recordedBy, ImportRuns.Run run) {
        return new Lines(errors, dryRun, recordedBy, run);
    }

    private ImportResult apply(List<Line> lines, List<LineError> errors, boolean dryRun, String recordedBy,
                               boolean awaitVisible, ImportRuns.Run run) {
        long total = lines.size() + errors.size();
        boolean inRecordedOrder = !lines.isEmpty() && lines.stream().allMatch(line -> line.exportedAt() != null);
        refuseMisplacedReviews(lines, errors, inRecordedOrder);
        run.checking(lines.size());
        lines.sort(inRecordedOrder
                           ? Comparator.comparing(Line::exportedAt).thenComparingLong(Line::number)
                           : Comparator.comparingInt((Line line) -> line.kind().importPhase())
                                   .thenComparing(line -> line.kind().isCorrection() ? null : line.effective(),
                                                  Comparator.nullsFirst(Comparator.naturalOrder()))
                                   .thenComparing(line -> line.kind().isCorrection() ? 0 : line.kind().ordinal())
                                   .thenComparingLong(Line::number));
        Map<String, String> newIdOf = new HashMap<>();
        for (java.util.Iterator<Line> it = lines.iterator(); it.hasNext(); ) {
            Line line = it.next();
            if (line.exportedRecordId() != null && !line.names()
                    && newIdOf.putIfAbsent(line.exportedRecordId(), line.recordId()) != null) {
                errors.add(new LineError(line.number(), "recordId", "recordId '" + line.exportedRecordId()
                        + "' is given by another line of this file too"));
                it.remove();
            }
        }

        Map<String, Long> byCommand = new TreeMap<>();
        ReviewImport.Run reviews = reviewLines.run();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            long done = 0;
            long applied = 0;
            for (Line line : lines) {
                try {
                    Object request = line.review() == null ? resolved(line.request(), newIdOf) : null;
                    Object command = line.review() != null
                            ? reviews.command(line.review(), line.recordId(), newIdOf)
                            : line.body().toCommand(request, line.recordId());
                    recorder.dispatch(command, metaData(line, recordedBy));
                    noteApplied(reviews, line, request, applied++);
                    byCommand.merge(line.command(), 1L, Long::sum);
                    run.checked(true);
                } catch (Rejection rejection) {
                    errors.addAll(LineError.of(line.number(), rejection));
                    run.checked(false);
                }
                if (++done % PROGRESS_EVERY == 0) {
                    log.info("Import: {} of {} lines applied, {} rejected so far", done, lines.size(),
                             errors.size());
                }
            }
            if (errors.isEmpty() && !dryRun) {
                run.committing();
                unitOfWork.commit();
                run.written(lines.size());
            } else {
                unitOfWork.rollback();
            }
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
        errors.sort(Comparator.comparingLong(LineError::line));
        boolean written = errors.isEmpty() && !dryRun;
        if (written) {
            log.info("Imported {} lines recorded by {}", lines.size(), recordedBy);
        }
        return new ImportResult(dryRun, total, written ? lines.size() : 0, written ? byCommand : Map.of(),
                                errors, !written || awaitVisible && barrier.awaitProjections());
    }

    /**
     * Review lines count on the tree positions of the ledger they were exported from: they are imported only in
     * recorded order (every line with its {@code recordedAt}) into a ledger that holds no event yet; otherwise each
     * is a bad line, named.
     */
    private void refuseMisplacedReviews(List<Line> lines, List<LineError> errors, boolean inRecordedOrder) {
        if (lines.stream().noneMatch(line -> line.review() != null)) {
            return;
        }
        String why = !inRecordedOrder
                ? "a review line is imported only from an export: every line of the file needs its recordedAt"
                : reviewLines.ledgerIsEmpty() ? null
                : "a review line is imported only into an empty ledger: its checkpoint counts the events of the"
                        + " ledger it was exported from";
        if (why == null) {
            return;
        }
        for (java.util.Iterator<Line> it = lines.iterator(); it.hasNext(); ) {
            Line line = it.next();
            if (line.review() != null) {
                errors.add(new LineError(line.number(), "command", why));
                it.remove();
            }
        }
    }

    /** What later review lines need to know of an act or a correction just applied at this tree position. */
    private static void noteApplied(ReviewImport.Run reviews, Line line, Object request, long position) {
        if (line.review() != null) {
            return;
        }
        if (request instanceof CorrectionRequest correction) {
            reviews.corrected(correction.recordId(), line.effective());
        } else if (!line.kind().isCorrection()) {
            reviews.act(line.recordId(), line.kind().name(), line.coalition(), line.agreement(), line.exportedBy(),
                        position, line.effective());
        }
    }

    /** A correction may name a record by the id it had on an earlier line of the same file. */
    private static Object resolved(Object request, Map<String, String> newIdOf) {
        if (request instanceof CorrectionRequest correction && newIdOf.containsKey(correction.recordId())) {
            return new CorrectionRequest(newIdOf.get(correction.recordId()), correction.effectiveDate(),
                                         correction.reason(), correction.source());
        }
        if (request instanceof RetractionRequest retraction && newIdOf.containsKey(retraction.recordId())) {
            return new RetractionRequest(newIdOf.get(retraction.recordId()), retraction.reason(),
                                         retraction.source());
        }
        return request;
    }

    private static MetaData metaData(Line line, String recordedBy) {
        Map<String, Object> values = new HashMap<>();
        values.put(RecordMetadata.RECORDED_BY, recordedBy);
        values.put(RecordMetadata.CHANNEL, "import");
        if (line.exportedRecordId() != null && !line.names()) {
            values.put(RecordMetadata.IMPORTED + "RecordId", line.exportedRecordId());
        }
        if (line.exportedAt() != null) {
            values.put(RecordMetadata.IMPORTED + "RecordedAt", line.exportedAt().toString());
        }
        if (line.exportedBy() != null) {
            values.put(RecordMetadata.IMPORTED + "RecordedBy", line.exportedBy());
        }
        return MetaData.from(values);
    }

    private List<Line> read(InputStream body, List<LineError> errors, ImportRuns.Run run) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        long number = 0;
        try (Reader reader = new InputStreamReader(body, utf8)) {
            BoundedLines bounded = new BoundedLines(reader, MAX_LINE_CHARS);
            String text;
            while ((text = bounded.next()) != null) {
                number++;
                run.lineRead();
                if (BoundedLines.tooLong(text)) {
                    errors.add(new LineError(number, null, "the line is " + bounded.length()
                            + " characters long; at most " + MAX_LINE_CHARS + " are allowed"));
                    run.refusedOnReading();
                    continue;
                }
                if (text.isBlank() || ExportTrailer.isTrailer(text)) {
                    continue;
                }
                try {
                    lines.add(parse(number, node(text)));
                } catch (Rejection rejection) {
                    errors.addAll(LineError.of(number, rejection));
                    run.refusedOnReading();
                }
                if (number % PROGRESS_EVERY == 0) {
                    log.info("Import: {} lines read", number);
                }
            }
        } catch (CharacterCodingException e) {
            errors.add(new LineError(number + 1, null, "the body is not valid UTF-8"));
        }
        return lines;
    }

    private ObjectNode node(String text) {
        if (text.length() > MAX_LINE_CHARS) {
            throw Rejection.invalid(null, "the line is " + text.length() + " characters long; at most "
                    + MAX_LINE_CHARS + " are allowed");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw JsonProblems.rejection(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw Rejection.invalid(null, "each line must be a JSON object");
        }
        return object;
    }

    private Line parse(long number, ObjectNode object) {
        JsonNode name = object.remove("command");
        if (name == null || !name.isTextual()) {
            throw Rejection.invalid("command", "command is required: one of " + ActKind.commands());
        }
        if (ReviewImport.isReview(name.asText())) {
            return reviewLine(number, name.asText(), object);
        }
        ActBody<?> body = catalog.named(name.asText()).orElseThrow(() -> Rejection.invalid(
                "command", "unknown command '" + Text.clip(name.asText()) + "': expected one of "
                        + ActKind.commands() + ", or in an export " + ReviewImport.OPEN + ", " + ReviewImport.FIND
                        + ", " + ReviewImport.COMPLETE));
        String exportedId = body.kind().isCorrection() ? null
                : text(object.remove("recordId"), "recordId", Checks.MAX_ID);
        Instant exportedAt = instant(object.remove("recordedAt"));
        String exportedBy = text(object.remove("recordedBy"), "recordedBy", 255);
        String coalition = object.path("coalition").isTextual() ? object.get("coalition").asText() : null;
        String agreement = object.path("agreement").isTextual() ? object.get("agreement").asText() : null;
        Object request;
        try {
            request = requests.valid(json.treeToValue(object, body.request()));
        } catch (JsonProcessingException e) {
            throw JsonProblems.rejection(e);
        }
        return new Line(number, body, request, UUID.randomUUID().toString(),
                        effectiveStart(object.get("effectiveDate")), exportedId, exportedAt, exportedBy, coalition,
                        agreement, null);
    }

    /** A review line of an export: an opening carries its own record id (the review's), the others name records. */
    private Line reviewLine(long number, String command, ObjectNode object) {
        String own = ReviewImport.OPEN.equals(command)
                ? text(object.remove("recordId"), "recordId", Checks.MAX_ID) : null;
        Instant exportedAt = instant(object.remove("recordedAt"));
        String exportedBy = text(object.remove("recordedBy"), "recordedBy", 255);
        ReviewImport.Fields fields = reviewLines.parse(command, own, object);
        return new Line(number, null, null, UUID.randomUUID().toString(), null, own, exportedAt, exportedBy,
                        fields.coalition(), null, fields);
    }

    private static String text(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Rejection.invalid(field, field + " must be text");
        }
        return Checks.text(field, node.asText(), max);
    }

    private static Instant instant(JsonNode node) {
        String text = text(node, "recordedAt", 64);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("recordedAt", "recordedAt '" + Text.clip(text) + "' is not an ISO-8601 instant");
        }
    }

    private static LocalDate effectiveStart(JsonNode date) {
        if (date == null || !date.isTextual()) {
            return null;
        }
        try {
            return PartialDate.parse(date.asText()).start();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
