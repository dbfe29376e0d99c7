package org.coalitionledger.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /api/admin/backup} (ADMIN): a consistent copy of the running ledger as a zip (docs/operations.md). */
@RestController
@Tag(name = "Administration")
class BackupController {

    private final LedgerBackup backup;

    BackupController(LedgerBackup backup) {
        this.backup = backup;
    }

    @Operation(summary = "A backup of the running ledger",
            description = "A zip holding manifest.json, the checkpoint key pair (audit/) and, on H2, the database "
                    + "file as H2's online backup copied it (h2/). On PostgreSQL the database itself is copied with "
                    + "pg_dump: `java -jar … backup` does both. The zip holds the checkpoint signing key: keep it as "
                    + "safe as the data directory.")
    @GetMapping(value = "/api/admin/backup", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> backup() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-backup.zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(backup::write);
    }
}
