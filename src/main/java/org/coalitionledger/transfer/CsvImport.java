package org.coalitionledger.transfer;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.BodyLimitFilter;
import org.coalitionledger.transfer.ImportService.ImportResult;
import org.coalitionledger.transfer.ImportService.LineError;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The import for spreadsheets: CSV with a header row naming the columns of docs/import.md. Each row becomes one
 * import line (empty cells are left out) and goes through the JSON Lines import, all or nothing.
 */
@Service
class CsvImport {

    /** The columns a CSV file may have; {@code source.*} columns make up the source citation. */
    static final Set<String> COLUMNS = Set.of(
            "command", "coalition", "agreement", "party", "effectiveDate", "name", "parentGroup", "focusAreas",
            "title", "commitmentTerm", "recordId", "reason", "notes", "recordedAt", "recordedBy",
            "commitmentStarts", "entryIntoForce.afterConsents", "entryIntoForce.delay", "withdrawalNotice", "means",
            "takesEffect",
            "source.title", "source.url", "source.publisher", "source.publishedOn", "source.quote");

    private final ImportService imports;
    private final JsonMapper json = JsonMapper.builder().build();

    CsvImport(ImportService imports) {
        this.imports = imports;
    }

    /** A row of a spreadsheet may be as long as a line of JSON Lines. */
    static final int MAX_ROW_CHARS = 64 * 1024;

    ImportResult importCsv(InputStream body, boolean dryRun, String recordedBy, ImportRuns.Run run)
            throws IOException {
        List<LineError> errors = new ArrayList<>();
        try (ImportService.Lines lines = imports.lines(errors, dryRun, recordedBy, run)) {
            return importCsv(body, dryRun, run, errors, lines);
        }
    }

    private ImportResult importCsv(InputStream body, boolean dryRun, ImportRuns.Run run, List<LineError> errors,
                                   ImportService.Lines lines) throws IOException {
        var utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new BoundedRows(new InputStreamReader(
                ImportService.counted(body, run), utf8), MAX_ROW_CHARS), format)) {
            List<String> unknown = parser.getHeaderNames().stream().filter(name -> !COLUMNS.contains(name)).toList();
            if (unknown.isEmpty() && !parser.getHeaderNames().contains("command")) {
                errors.add(new LineError(1, "command", "the header row must name a command column"));
            }
            unknown.forEach(name -> errors.add(new LineError(1, name, "unknown column '" + Text.clip(name)
                    + "'; the columns are listed in docs/import.md")));
            if (!errors.isEmpty()) {
                return new ImportResult(dryRun, 0, 0, java.util.Map.of(), errors, true);
            }
            for (CSVRecord record : parser) {
                lines.add(parser.getCurrentLineNumber(), fields(record));
            }
        } catch (UncheckedIOException e) {
            tooLarge(e);
            if (e.getCause() instanceof CharacterCodingException) {
                errors.add(new LineError(lines.count() + 2L, null, "the body is not valid UTF-8"));
            } else {
                errors.add(new LineError(lines.count() + 2L, null, "malformed CSV: "
                        + Text.clip(e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
            }
        } catch (CharacterCodingException e) {
            errors.add(new LineError(lines.count() + 2L, null, "the body is not valid UTF-8"));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            tooLarge(e);
            errors.add(new LineError(lines.count() + 2L, null, "malformed CSV: " + Text.clip(e.getMessage())));
        }
        return lines.apply();
    }

    /**
     * A body past its size limit is no malformed CSV: the limit's own exception goes on to be answered with 413
     * (security.BodyLimitFilter), whether the CSV parser wrapped it or not.
     */
    private static void tooLarge(Exception e) throws BodyLimitFilter.BodyTooLargeException {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                throw tooLarge;
            }
        }
    }

    /**
     * Refuses a row (a record: a line, or several while a quoted cell is open) longer than {@code max} characters as
     * it is read, before the CSV parser holds it, so that a body without row breaks cannot fill the heap.
     */
    static final class BoundedRows extends java.io.FilterReader {

        private final int max;
        private long row;
        private boolean quoted;

        BoundedRows(java.io.Reader in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(char c) throws IOException {
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                row = 0;
                return;
            }
            if (++row > max) {
                throw new IOException("a row is longer than " + max + " characters");
            }
        }
    }

    private ObjectNode fields(CSVRecord record) {
        ObjectNode line = json.createObjectNode();
        ObjectNode source = json.createObjectNode();
        ObjectNode entry = json.createObjectNode();
        record.toMap().forEach((column, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            if (column.startsWith("source.")) {
                source.put(column.substring("source.".length()), value);
            } else if (column.equals("entryIntoForce.afterConsents") && value.matches("\\d{1,9}")) {
                entry.put("afterConsents", Integer.parseInt(value));
            } else if (column.startsWith("entryIntoForce.")) {
                entry.put(column.substring("entryIntoForce.".length()), value);
            } else if (column.equals("focusAreas")) {
                ArrayNode areas = line.putArray("focusAreas");
                for (String area : value.split(";")) {
                    if (!area.isBlank()) {
                        areas.add(area.trim());
                    }
                }
            } else {
                line.put(column, value);
            }
        });
        if (!source.isEmpty()) {
            line.set("source", source);
        }
        if (!entry.isEmpty()) {
            line.set("entryIntoForce", entry);
        }
        return line;
    }
}
