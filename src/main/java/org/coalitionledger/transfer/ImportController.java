package org.coalitionledger.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.transfer.ImportService.ImportResult;
import org.coalitionledger.web.JsonProblems;
import org.coalitionledger.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

/** Imports acts in bulk from JSON Lines or CSV, all or nothing, and exports them as JSON Lines. */
@RestController
@Tag(name = "Import and export")
class ImportController {

    private final ImportService imports;
    private final CsvImport csv;
    private final ExportService exports;
    private final ImportRuns runs;

    ImportController(ImportService imports, CsvImport csv, ExportService exports, ImportRuns runs) {
        this.imports = imports;
        this.runs = runs;
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
    @Operation(summary = "Import JSON Lines, one command per line; nothing is written if any line is bad;"
            + " one import at a time per node (429 while another runs)")
    ResponseEntity<Object> importLines(HttpServletRequest request,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       Principal principal) throws IOException {
        String caller = Params.caller(principal);
        ImportRuns.Run run = imports.start(caller, dryRun, "jsonl", request.getContentLengthLong());
        try {
            return ended(run, answer(imports.importLines(request.getInputStream(), dryRun, caller, true, run),
                                     dryRun));
        } finally {
            run.failed();
        }
    }

    @PostMapping(value = "/api/import", consumes = "text/csv")
    @Operation(summary = "Import CSV with a header row (columns in docs/import.md); nothing is written if any row is"
            + " bad; dryRun=true only checks; one import at a time per node (429 while another runs)")
    ResponseEntity<Object> importCsv(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
                                     Principal principal) throws IOException {
        String caller = Params.caller(principal);
        ImportRuns.Run run = imports.start(caller, dryRun, "csv", request.getContentLengthLong());
        try {
            return ended(run, answer(csv.importCsv(request.getInputStream(), dryRun, caller, run), dryRun));
        } finally {
            run.failed();
        }
    }

    /** The import's progress while it runs, and its answer once it is over (the last 20 are kept). */
    @GetMapping("/api/import/{id}")
    @Operation(summary = "An import's progress on this node: stage, lines read, checked, refused and written, lines"
            + " per second, percent; its answer once over")
    ResponseEntity<ImportRuns.Progress> progress(@PathVariable String id) {
        return runs.find(id).map(run -> ResponseEntity.ok(run.progress()))
                .orElseThrow(() -> Rejection.unknown("import", id));
    }

    /** The import running on this node, if any, and the last that ended, newest first. */
    @GetMapping("/api/import")
    @Operation(summary = "The imports of this node: the running one and the last 20 that ended, newest first")
    List<ImportRuns.Progress> progress() {
        return runs.all().stream().map(ImportRuns.Run::progress).toList();
    }

    /** A second import while one runs: 429, with when to try again and where to follow the running one. */
    @ExceptionHandler(ImportBusyException.class)
    ResponseEntity<ProblemDetail> busy(ImportBusyException busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, busy.getMessage()
                + "; try again when it has ended");
        problem.setTitle("Import running");
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        if (busy.running() != null) {
            problem.setProperty("running", "/api/import/" + busy.running().id());
            answer.header(HttpHeaders.LINK, "</api/import/" + busy.running().id() + ">; rel=\"related\"");
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Seconds a refused import is asked to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** Ends the run with its answer, and says where its record is. */
    private static ResponseEntity<Object> ended(ImportRuns.Run run, ResponseEntity<Object> answer) {
        run.end(answer.getStatusCode().is2xxSuccessful() ? ImportRuns.Stage.DONE : ImportRuns.Stage.REJECTED,
                answer.getBody());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.LOCATION, "/api/import/" + run.id()).body(answer.getBody());
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
