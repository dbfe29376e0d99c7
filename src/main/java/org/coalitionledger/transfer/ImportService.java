package org.coalitionledger.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
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
import org.coalitionledger.recording.Staging;
import org.coalitionledger.storage.SpoolFile;
import org.coalitionledger.web.JsonInput;
import org.coalitionledger.web.JsonProblems;
import org.coalitionledger.web.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports JSON Lines, one command per line, all or nothing: every line is checked against the ledger and against
 * the lines before it on the import's private ledger ({@link Staging}), whose events are written in one transaction
 * only when no line failed. The import streams: its lines wait in a spool file, with a small key each in memory
 * ({@link Reading}), and its events in another (docs/architecture.md, "Bulk import").
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
    private final Staging staging;
    private final ApplicationEventPublisher events;
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

    ImportService(Recorder recorder, Staging staging, ProjectionBarrier barrier, ActCatalog catalog,
                  Requests requests, ImportRuns runs, ReviewImport reviewLines, ApplicationEventPublisher events) {
        this.events = events;
        this.recorder = recorder;
        this.staging = staging;
        this.reviewLines = reviewLines;
        this.runs = runs;
        this.requests = requests;
        this.catalog = catalog;
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
        try (Reading reading = new Reading(new ArrayList<>(), run)) {
            ExportTrailer.CheckedInput checked = new ExportTrailer.CheckedInput(counted(body, run));
            read(checked, reading);
            checked.check();
            return apply(reading, dryRun, recordedBy, awaitVisible);
        }
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
     * Lines read elsewhere (CSV rows), checked and spooled as they come, then applied under the same rules by
     * {@link #apply()}. Closing deletes the spool, whether or not they were applied.
     */
    final class Lines implements AutoCloseable {

        private final Reading reading;
        private final boolean dryRun;
        private final String recordedBy;

        private Lines(List<LineError> errors, boolean dryRun, String recordedBy, ImportRuns.Run run) {
            this.reading = new Reading(errors, run);
            this.dryRun = dryRun;
            this.recordedBy = recordedBy;
        }

        void add(long number, ObjectNode fields) {
            reading.add(number, fields.toString(), fields);
        }

        long count() {
            return reading.keys.size() + reading.errors.size();
        }

        ImportResult apply() {
            return ImportService.this.apply(reading, dryRun, recordedBy, true);
        }

        @Override
        public void close() {
            reading.close();
        }
    }

    /** Lines to be read elsewhere (the CSV import) and applied under the same rules, as the given run. */
    Lines lines(List<LineError> errors, boolean dryRun, String recordedBy, ImportRuns.Run run) {
        return new Lines(errors, dryRun, recordedBy, run);
    }

    /**
     * Where an import holds its lines between reading and applying: each line that reads well, as it came, in a
     * spool file, and in memory only a small key to order it by ({@link Key}); the record ids that lines name
     * (corrections and review lines); and a 64-bit hash of each exported record id, so that an id given twice is
     * found without holding every id.
     */
    private final class Reading implements AutoCloseable {

        private final List<LineError> errors;
        private final ImportRuns.Run run;
        private final SpoolFile spool;
        private final List<Key> keys = new ArrayList<>();
        private final Set<String> named = new HashSet<>();
        private long[] exportedIds = new long[1024];
        private int exportedCount;
        private boolean reviews;
        private long offset;

        Reading(List<LineError> errors, ImportRuns.Run run) {
            this.errors = errors;
            this.run = run;
            this.spool = SpoolFile.create(staging.spoolDirectory(), "import-lines");
        }

        void add(long number, String text, ObjectNode fields) {
            run.lineRead();
            Line line;
            try {
                line = parse(number, fields);
            } catch (Rejection rejection) {
                errors.addAll(LineError.of(number, rejection));
                run.refusedOnReading();
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                spool.out().write(bytes);
            } catch (IOException e) {
                throw new SpoolFile.Failure("cannot write the import spool " + spool.path(), e);
            }
            keys.add(Key.of(line, offset, bytes.length));
            offset += bytes.length;
            if (line.review() != null) {
                reviews = true;
            }
            if (line.names()) {
                named.addAll(namedBy(line));
            } else if (line.exportedRecordId() != null) {
                if (exportedCount == exportedIds.length) {
                    exportedIds = Arrays.copyOf(exportedIds, exportedCount * 2);
                }
                exportedIds[exportedCount++] = hash(line.exportedRecordId());
            }
        }

        /** The hashes of exported record ids that more than one line gives (rarely any; checked exactly later). */
        Set<Long> repeatedIds() {
            long[] sorted = Arrays.copyOf(exportedIds, exportedCount);
            Arrays.sort(sorted);
            Set<Long> repeated = new HashSet<>();
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    repeated.add(sorted[i]);
                }
            }
            return repeated;
        }

        /** A spooled line, parsed again (it was read well once, so it parses the same way). */
        Line line(Key key) {
            ByteBuffer bytes = ByteBuffer.allocate(key.length());
            try {
                FileChannel channel = spool.channel();
                long position = key.offset();
                while (bytes.hasRemaining()) {
                    int n = channel.read(bytes, position + bytes.position());
                    if (n < 0) {
                        throw new IOException("the spool ends early");
                    }
                }
            } catch (IOException e) {
                throw new SpoolFile.Failure("cannot read the import spool " + spool.path(), e);
            }
            // not node(): the JSON of a CSV row may be longer than the row's 64 Ki characters it was read within
            return parse(key.number(), object(new String(bytes.array(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            spool.close();
        }
    }

    /**
     * What orders a line, and where it is in the spool: 64 bytes a line, so that the keys of a million lines
     * take tens of megabytes, not the lines themselves.
     */
    private record Key(long number, long offset, int length, int phase, long effectiveDay, int ordinal,
                       long exportedSecond, int exportedNano, boolean correction, boolean review) {

        private static final long NO_DATE = Long.MIN_VALUE;

        static Key of(Line line, long offset, int length) {
            boolean review = line.review() != null;
            boolean correction = !review && line.kind().isCorrection();
            return new Key(line.number(), offset, length, review ? 0 : line.kind().importPhase(),
                           correction || line.effective() == null ? NO_DATE : line.effective().toEpochDay(),
                           review || correction ? 0 : line.kind().ordinal(),
                           line.exportedAt() == null ? 0 : line.exportedAt().getEpochSecond(),
                           line.exportedAt() == null ? -1 : line.exportedAt().getNano(), correction, review);
        }

        boolean exported() {
            return exportedNano >= 0;
        }

        /** The export's recording order, then the line order. */
        static final Comparator<Key> RECORDED = Comparator.comparingLong(Key::exportedSecond)
                .thenComparingInt(Key::exportedNano).thenComparingLong(Key::number);

        /**
         * Coalitions formed first, agreements registered next, acts in effective-date order (undated first, then
         * by kind), corrections last in line order.
         */
        static final Comparator<Key> BY_PHASE = Comparator.comparingInt(Key::phase)
                .thenComparingLong(Key::effectiveDay).thenComparingInt(Key::ordinal).thenComparingLong(Key::number);
    }

    /** The record ids a correction, retraction or review line names. */
    private static List<String> namedBy(Line line) {
        List<String> ids = new ArrayList<>(2);
        if (line.review() != null) {
            ids.add(line.review().recordId());
            ids.add(line.review().review());
        } else if (line.request() instanceof CorrectionRequest correction) {
            ids.add(correction.recordId());
        } else if (line.request() instanceof RetractionRequest retraction) {
            ids.add(retraction.recordId());
        }
        ids.removeIf(java.util.Objects::isNull);
        return ids;
    }

    /** A 64-bit FNV-1a hash of the text. */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private ImportResult apply(Reading reading, boolean dryRun, String recordedBy, boolean awaitVisible) {
        List<LineError> errors = reading.errors;
        ImportRuns.Run run = reading.run;
        List<Key> keys = reading.keys;
        boolean inRecordedOrder = !keys.isEmpty() && keys.stream().allMatch(Key::exported);
        if (reading.reviews) {
            refuseMisplacedReviews(keys, errors, inRecordedOrder);
        }
        long count = keys.size();
        long total = count + errors.size();
        run.checking(count);
        keys.sort(inRecordedOrder ? Key.RECORDED : Key.BY_PHASE);
        Set<Long> repeated = reading.repeatedIds();
        Set<String> seenRepeated = new HashSet<>();
        Map<String, String> newIdOf = new HashMap<>();

        Map<String, Long> byCommand = new TreeMap<>();
        ReviewImport.Run reviews = reviewLines.run();
        long applied = 0;
        long checked = 0;
        try (Staging.Session session = staging.open(dryRun)) {
            for (Key key : keys) {
                try {
                    Line line = reading.line(key);
                    String exported = line.names() ? null : line.exportedRecordId();
                    if (exported != null && repeated.contains(hash(exported)) && !seenRepeated.add(exported)) {
                        errors.add(new LineError(line.number(), "recordId", "recordId '" + exported
                                + "' is given by another line of this file too"));
                        run.checked(false);
                        continue;
                    }
                    boolean namedLater = exported != null && reading.named.contains(exported);
                    if (namedLater) {
                        newIdOf.put(exported, line.recordId());
                    }
                    Object request = line.review() == null ? resolved(line.request(), newIdOf) : null;
                    Object command = line.review() != null
                            ? reviews.command(line.review(), line.recordId(), newIdOf)
                            : line.body().toCommand(request, line.recordId());
                    recorder.stage(command, metaData(line, recordedBy), session, namedLater);
                    if (reading.reviews) {
                        noteApplied(reviews, line, request, applied);
                    }
                    applied++;
                    byCommand.merge(line.command(), 1L, Long::sum);
                    run.checked(true);
                } catch (Rejection rejection) {
                    errors.addAll(LineError.of(key.number(), rejection));
                    run.checked(false);
                }
                if (++checked % PROGRESS_EVERY == 0) {
                    log.info("Import: {} of {} lines checked, {} refused so far", checked, count,
                             errors.size());
                }
            }
            if (errors.isEmpty() && !dryRun) {
                // the keys are done with: the write has the heap to itself
                keys.clear();
                run.committing();
                session.write(run::writing);
                run.written(count);
                events.publishEvent(new ImportWritten(count));
            }
        }
        errors.sort(Comparator.comparingLong(LineError::line));
        boolean written = errors.isEmpty() && !dryRun;
        if (written) {
            log.info("Imported {} lines recorded by {}", count, recordedBy);
        }
        return new ImportResult(dryRun, total, written ? count : 0, written ? byCommand : Map.of(),
                                errors, !written || awaitVisible && barrier.awaitProjections());
    }

    /**
     * Review lines count on the tree positions of the ledger they were exported from: they are imported only in
     * recorded order (every line with its {@code recordedAt}) into a ledger that holds no event yet; otherwise each
     * is a bad line, named.
     */
    private void refuseMisplacedReviews(List<Key> keys, List<LineError> errors, boolean inRecordedOrder) {
        String why = !inRecordedOrder
                ? "a review line is imported only from an export: every line of the file needs its recordedAt"
                : reviewLines.ledgerIsEmpty() ? null
                : "a review line is imported only into an empty ledger: its checkpoint counts the events of the"
                        + " ledger it was exported from";
        if (why == null) {
            return;
        }
        for (java.util.Iterator<Key> it = keys.iterator(); it.hasNext(); ) {
            Key key = it.next();
            if (key.review()) {
                errors.add(new LineError(key.number(), "command", why));
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

    private void read(InputStream body, Reading reading) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long number = 0;
        try (Reader reader = new InputStreamReader(body, utf8)) {
            BoundedLines bounded = new BoundedLines(reader, MAX_LINE_CHARS);
            String text;
            while ((text = bounded.next()) != null) {
                number++;
                if (BoundedLines.tooLong(text)) {
                    reading.run.lineRead();
                    reading.errors.add(new LineError(number, null, "the line is " + bounded.length()
                            + " characters long; at most " + MAX_LINE_CHARS + " are allowed"));
                    reading.run.refusedOnReading();
                    continue;
                }
                if (text.isBlank() || ExportTrailer.isTrailer(text)) {
                    reading.run.lineRead();
                    continue;
                }
                ObjectNode node;
                try {
                    node = node(text);
                } catch (Rejection rejection) {
                    reading.run.lineRead();
                    reading.errors.addAll(LineError.of(number, rejection));
                    reading.run.refusedOnReading();
                    continue;
                }
                reading.add(number, text, node);
                if (number % PROGRESS_EVERY == 0) {
                    log.info("Import: {} lines read", number);
                }
            }
        } catch (CharacterCodingException e) {
            reading.errors.add(new LineError(number + 1, null, "the body is not valid UTF-8"));
        }
    }

    private ObjectNode node(String text) {
        if (text.length() > MAX_LINE_CHARS) {
            throw Rejection.invalid(null, "the line is " + text.length() + " characters long; at most "
                    + MAX_LINE_CHARS + " are allowed");
        }
        return object(text);
    }

    private ObjectNode object(String text) {
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
