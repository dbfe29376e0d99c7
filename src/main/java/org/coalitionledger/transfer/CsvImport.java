package org.coalitionledger.transfer;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coalitionledger.common.Text;
import org.coalitionledger.transfer.ImportService.ImportResult;
import org.coalitionledger.transfer.ImportService.LineError;
import org.coalitionledger.transfer.ImportService.NumberedLine;
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

    ImportResult importCsv(InputStream body, boolean dryRun, String recordedBy) {
        List<LineError> errors = new ArrayList<>();
        List<NumberedLine> lines = new ArrayList<>();
        var utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(body, utf8), format)) {
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
                lines.add(new NumberedLine(parser.getCurrentLineNumber(), fields(record)));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                errors.add(new LineError(lines.size() + 2L, null, "the body is not valid UTF-8"));
            } else {
                errors.add(new LineError(lines.size() + 2L, null, "malformed CSV: " + Text.clip(e.getMessage())));
            }
        } catch (CharacterCodingException e) {
            errors.add(new LineError(lines.size() + 2L, null, "the body is not valid UTF-8"));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new LineError(lines.size() + 2L, null, "malformed CSV: " + Text.clip(e.getMessage())));
        }
        return imports.importNodes(lines, errors, dryRun, recordedBy);
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
