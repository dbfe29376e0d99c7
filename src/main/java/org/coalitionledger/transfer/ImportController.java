package org.coalitionledger.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.coalitionledger.transfer.ImportService.ImportResult;
import org.coalitionledger.web.JsonProblems;
import org.coalitionledger.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.security.Principal;

/** Imports acts in bulk from JSON Lines or CSV, all or nothing, and exports them as JSON Lines. */
@RestController
@Tag(name = "Import and export")
class ImportController {

    private final ImportService imports;
    private final CsvImport csv;
    private final ExportService exports;

    ImportController(ImportService imports, CsvImport csv, ExportService exports) {
        this.imports = imports;
        this.csv = csv;
        this.exports = exports;
    }

    @GetMapping(value = "/api/export", produces = "application/x-ndjson")
    @Operation(summary = "Every recorded act as JSON Lines in the import shape, with recordId, recordedAt and"
            + " recordedBy, in recording order")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-export.jsonl\"")
                .body(exports::export);
    }

    @PostMapping(value = "/api/import", consumes = {"application/x-ndjson", "application/jsonl"})
    @Operation(summary = "Import JSON Lines, one command per line; nothing is written if any line is bad")
    ResponseEntity<Object> importLines(HttpServletRequest request,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       Principal principal) throws IOException {
        return answer(imports.importLines(request.getInputStream(), dryRun, Params.caller(principal)), dryRun);
    }

    @PostMapping(value = "/api/import", consumes = "text/csv")
    @Operation(summary = "Import CSV with a header row (columns in docs/import.md); nothing is written if any row is"
            + " bad; dryRun=true only checks")
    ResponseEntity<Object> importCsv(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
                                     Principal principal) throws IOException {
        return answer(csv.importCsv(request.getInputStream(), dryRun, Params.caller(principal)), dryRun);
    }

    private static ResponseEntity<Object> answer(ImportResult result, boolean dryRun) {
        if (result.ok()) {
            return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        }
        // a key given twice makes a line ambiguous, malformed rather than refused by a rule: 400, as in a body
        HttpStatus status = result.errors().stream()
                .anyMatch(error -> error.message().startsWith(JsonProblems.DUPLICATE_KEY))
                ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, result.errors().size() + " of " + result.lines()
                        + " lines cannot be imported; nothing was written");
        problem.setTitle("Import rejected");
        problem.setProperty("errors", result.errors());
        return ResponseEntity.status(status).body(problem);
    }
}
