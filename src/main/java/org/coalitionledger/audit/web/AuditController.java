package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coalitionledger.audit.AuditReport;
import org.coalitionledger.audit.AuditService;
import org.coalitionledger.audit.SealingWatch;
import org.coalitionledger.audit.Verification;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** The audit: public key, checkpoints, verification, proofs, the bundle and the report (/api/audit/**). */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final AuditService audit;
    private final AuditReport reports;
    private final SealingWatch sealing;
    private final Clock clock;
    private final ReportViews views;

    AuditController(AuditService audit, AuditReport reports, SealingWatch sealing, Clock clock, ReportViews views) {
        this.audit = audit;
        this.reports = reports;
        this.views = views;
        this.sealing = sealing;
        this.clock = clock;
    }

    @GetMapping("/api/audit/public-key")
    @Operation(summary = "The Ed25519 public key that signs checkpoints (PEM and base64 of the DER"
            + " SubjectPublicKeyInfo), with its SHA-256 fingerprint")
    PublicKeyResponse publicKey() {
        return PublicKeyResponse.of(audit.keys());
    }

    @GetMapping("/api/audit/checkpoints")
    @Operation(summary = "Every signed checkpoint, by tree size")
    List<CheckpointResponse> checkpoints() {
        return audit.checkpoints().stream().map(CheckpointResponse::of).toList();
    }

    @PostMapping("/api/audit/checkpoints")
    @Operation(summary = "Seal every stored event now and sign a checkpoint of the whole tree")
    ResponseEntity<CheckpointResponse> checkpointNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(CheckpointResponse.of(audit.checkpointNow()));
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Recompute every sealed event's leaf from the event store and check it against the tree"
            + " and every signed checkpoint: ok, or the first position that no longer matches")
    VerifyResponse verify() {
        Verification.Result result = audit.verify();
        return VerifyResponse.of(result, sealing.staleReason(), clock.instant());
    }

    @GetMapping("/api/audit/proof/{recordId}")
    @Operation(summary = "Inclusion proof of a record (record id or event id) in the tree of a checkpoint"
            + " (tree size; default the latest), RFC 9162 section 2.1.3")
    ProofResponse proof(@PathVariable String recordId, @RequestParam(required = false) Long checkpoint) {
        return ProofResponse.of(audit.inclusionProof(recordId, checkpoint));
    }

    @GetMapping("/api/audit/consistency")
    @Operation(summary = "Consistency proof between two checkpoints (tree sizes), RFC 9162 section 2.1.4")
    ConsistencyResponse consistency(@RequestParam long from, @RequestParam long to) {
        return ConsistencyResponse.of(audit.consistencyProof(from, to));
    }

    @GetMapping("/api/audit/bundle")
    @Operation(summary = "The audit bundle (zip): every event of the latest checkpoint's tree in canonical form,"
            + " the sealed leaves, the checkpoints, the public key and a README; check it offline with"
            + " java -jar coalition-ledger.jar verify-bundle")
    ResponseEntity<StreamingResponseBody> bundle(@RequestParam(required = false) String evidence) {
        boolean withEvidence = flag("evidence", evidence);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-bundle.zip\"")
                .body(out -> audit.writeBundle(out, withEvidence));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Rejection.invalid(name, name + " must be true or false");
    }

    @GetMapping("/api/audit/report")
    @Operation(summary = "Printable audit report of a coalition (HTML, or CSV with format=csv or Accept: text/csv):"
            + " every act with its corrections and retractions, and whether the checkpoint covering it verifies")
    ResponseEntity<byte[]> report(@RequestParam String coalition, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        AuditReport.Report report = reports.of(coalition, Params.day("from", from, null), Params.day("to", to, null));
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-report.csv\"")
                    .body(ReportViews.csv(report).getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(views.html(report).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean csv(String format, String accept) {
        if (format == null || format.isEmpty()) {
            return accept != null && accept.contains("text/csv") && !accept.contains("text/html");
        }
        return switch (format) {
            case "csv" -> true;
            case "html" -> false;
            default -> throw Rejection.invalid("format", "format '" + Text.clip(format) + "' must be html or csv");
        };
    }
}
