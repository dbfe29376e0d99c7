package org.coalitionledger.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.coalitionledger.recording.ImportService.ImportResult;
import org.coalitionledger.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.Principal;

/** Imports acts in bulk from JSON Lines, all or nothing. */
@RestController
@Tag(name = "Import")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/import", consumes = {"application/x-ndjson", "application/jsonl", "text/plain"})
    @Operation(summary = "Import JSON Lines, one command per line; nothing is written if any line is bad")
    ResponseEntity<Object> importLines(HttpServletRequest request,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       Principal principal) throws IOException {
        ImportResult result = imports.importLines(request.getInputStream(), dryRun, Params.caller(principal));
        if (result.ok()) {
            return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY, result.errors().size() + " of " + result.lines()
                        + " lines cannot be imported; nothing was written");
        problem.setTitle("Import rejected");
        problem.setProperty("errors", result.errors());
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}
