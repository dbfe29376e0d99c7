package org.coalitionledger.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports JSON Lines, one command per line, all or nothing: every line is checked against the ledger and against
 * the lines before it inside one unit of work, which is committed only when no line failed. Lines may come in any
 * order of effective date; they are applied coalitions first, agreements next, then by effective date.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int MAX_LINE_CHARS = 64 * 1024;

    private final Recorder recorder;
    private final TransactionManager transactions;
    private final ProjectionBarrier barrier;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    ImportService(Recorder recorder, TransactionManager transactions, ProjectionBarrier barrier) {
        this.recorder = recorder;
        this.transactions = transactions;
        this.barrier = barrier;
    }

    /** A line that could not be imported, by its 1-based number. */
    public record LineError(long line, String field, String message) {
    }

    /** What an import did; on failure nothing was written and {@code errors} lists every bad line. */
    public record ImportResult(boolean dryRun, long lines, long imported, Map<String, Long> byCommand,
                               List<LineError> errors, boolean visible) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Line(long number, CommandCatalog kind, Object command, LocalDate effective) {
    }

    public ImportResult importLines(InputStream body, boolean dryRun, String recordedBy) throws IOException {
        List<LineError> errors = new ArrayList<>();
        List<Line> lines = read(body, errors);
        long total = lines.size() + errors.size();
        lines.sort(Comparator.comparingInt((Line line) -> line.kind().phase())
                           .thenComparing(Line::effective, Comparator.nullsFirst(Comparator.naturalOrder()))
                           .thenComparing(Line::kind)
                           .thenComparingLong(Line::number));
        Map<String, Long> byCommand = new java.util.TreeMap<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            for (Line line : lines) {
                try {
                    recorder.dispatch(line.command(), recordedBy, "import");
                    byCommand.merge(line.kind().name(), 1L, Long::sum);
                } catch (Rejection rejection) {
                    errors.add(new LineError(line.number(), rejection.field(), rejection.getMessage()));
                }
            }
            if (errors.isEmpty() && !dryRun) {
                unitOfWork.commit();
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
                                errors, !written || barrier.awaitProjections());
    }

    private List<Line> read(InputStream body, List<LineError> errors) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        long number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, utf8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    lines.add(parse(number, text));
                } catch (Rejection rejection) {
                    errors.add(new LineError(number, rejection.field(), rejection.getMessage()));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new LineError(number + 1, null, "the body is not valid UTF-8"));
        }
        return lines;
    }

    private Line parse(long number, String text) {
        if (text.length() > MAX_LINE_CHARS) {
            throw Rejection.invalid(null, "the line is " + text.length() + " characters long; at most "
                    + MAX_LINE_CHARS + " are allowed");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw Rejection.invalid(null, "not a JSON object: " + Text.clip(e.getOriginalMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw Rejection.invalid(null, "each line must be a JSON object");
        }
        JsonNode name = object.remove("command");
        if (name == null || !name.isTextual()) {
            throw Rejection.invalid("command", "command is required: one of " + CommandCatalog.names());
        }
        CommandCatalog kind = CommandCatalog.named(name.asText()).orElseThrow(() -> Rejection.invalid(
                "command", "unknown command '" + Text.clip(name.asText()) + "': expected one of "
                        + CommandCatalog.names()));
        Object request;
        try {
            request = json.treeToValue(object, kind.body());
        } catch (JsonProcessingException e) {
            throw JsonProblems.rejection(e);
        }
        Object command = kind.toCommand(request, UUID.randomUUID().toString());
        return new Line(number, kind, command, effectiveStart(object.get("effectiveDate")));
    }

    private static LocalDate effectiveStart(JsonNode date) {
        if (date == null || !date.isTextual()) {
            return null;
        }
        try {
            return org.coalitionledger.common.PartialDate.parse(date.asText()).start();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
