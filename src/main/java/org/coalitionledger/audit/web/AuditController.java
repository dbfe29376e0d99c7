package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coalitionledger.audit.AuditKeys;
import org.coalitionledger.audit.AuditReport;
import org.coalitionledger.audit.AuditService;
import org.coalitionledger.audit.SealingWatch;
import org.coalitionledger.audit.Checkpoint;
import org.coalitionledger.audit.Merkle;
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
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit: public key, checkpoints, verification, proofs, the bundle and the report (/api/audit/**). */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final AuditService audit;
    private final AuditReport reports;
    private final SealingWatch sealing;

    AuditController(AuditService audit, AuditReport reports, SealingWatch sealing) {
        this.sealing = sealing;
        this.audit = audit;
        this.reports = reports;
    }

    @GetMapping("/api/audit/public-key")
    @Operation(summary = "The Ed25519 public key that signs checkpoints (PEM and base64 of the DER"
            + " SubjectPublicKeyInfo), with its SHA-256 fingerprint")
    Map<String, Object> publicKey() {
        AuditKeys keys = audit.keys();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("algorithm", Checkpoint.SIGNATURE_ALGORITHM);
        answer.put("format", "X.509 SubjectPublicKeyInfo");
        answer.put("pem", keys.publicKeyPem());
        answer.put("base64", Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()));
        answer.put("fingerprintSha256", keys.fingerprint());
        return answer;
    }

    @GetMapping("/api/audit/checkpoints")
    @Operation(summary = "Every signed checkpoint, by tree size")
    List<Map<String, Object>> checkpoints() {
        return audit.checkpoints().stream().map(AuditController::checkpoint).toList();
    }

    @PostMapping("/api/audit/checkpoints")
    @Operation(summary = "Seal every stored event now and sign a checkpoint of the whole tree")
    ResponseEntity<Map<String, Object>> checkpointNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoint(audit.checkpointNow()));
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Recompute every sealed event's leaf from the event store and check it against the tree"
            + " and every signed checkpoint: ok, or the first position that no longer matches")
    Map<String, Object> verify() {
        Verification.Result result = audit.verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<String> stale = sealing.staleReason();
        answer.put("status", !result.ok() ? "tampered" : stale.isPresent() ? "stale" : "ok");
        stale.ifPresent(reason -> answer.put("reason", reason));
        answer.put("verifiedAt", Instant.now());
        answer.put("checkedRecords", result.checkedRecords());
        answer.put("pending", result.pending());
        answer.put("checkpoints", result.checkpoints());
        answer.put("verifiedCheckpoints", result.verifiedCheckpoints());
        answer.put("verifiedThrough", result.verifiedThrough());
        answer.put("latestCheckpoint", result.latestCheckpoint() == null ? null
                : checkpoint(result.latestCheckpoint()));
        Verification.Problem problem = result.firstProblem();
        if (problem != null) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("position", problem.position());
            first.put("recordId", problem.recordId());
            first.put("eventId", problem.eventId());
            first.put("kind", problem.kind().label());
            first.put("checkpoint", problem.checkpoint());
            first.put("detail", problem.detail());
            answer.put("firstProblem", first);
        } else {
            answer.put("firstProblem", null);
        }
        return answer;
    }

    @GetMapping("/api/audit/proof/{recordId}")
    @Operation(summary = "Inclusion proof of a record (record id or event id) in the tree of a checkpoint"
            + " (tree size; default the latest), RFC 9162 section 2.1.3")
    Map<String, Object> proof(@PathVariable String recordId, @RequestParam(required = false) Long checkpoint) {
        AuditService.InclusionProof proof = audit.inclusionProof(recordId, checkpoint);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recordId", proof.recordId());
        answer.put("eventId", proof.eventId());
        answer.put("leafIndex", proof.leafIndex());
        answer.put("treeSize", proof.checkpoint().treeSize());
        answer.put("leafHash", Merkle.hex(proof.leafHash()));
        answer.put("auditPath", proof.auditPath().stream().map(Merkle::hex).toList());
        answer.put("rootHash", proof.checkpoint().rootHex());
        answer.put("checkpoint", checkpoint(proof.checkpoint()));
        return answer;
    }

    @GetMapping("/api/audit/consistency")
    @Operation(summary = "Consistency proof between two checkpoints (tree sizes), RFC 9162 section 2.1.4")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        AuditService.ConsistencyProof proof = audit.consistencyProof(from, to);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", checkpoint(proof.from()));
        answer.put("to", checkpoint(proof.to()));
        answer.put("proof", proof.proof().stream().map(Merkle::hex).toList());
        return answer;
    }

    @GetMapping("/api/audit/bundle")
    @Operation(summary = "The audit bundle (zip): every event of the latest checkpoint's tree in canonical form,"
            + " the sealed leaves, the checkpoints, the public key and a README; check it offline with"
            + " java -jar coalition-ledger.jar verify-bundle")
    ResponseEntity<StreamingResponseBody> bundle() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-bundle.zip\"")
                .body(audit::writeBundle);
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
                .body(ReportViews.html(report).getBytes(StandardCharsets.UTF_8));
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

    static Map<String, Object> checkpoint(Checkpoint checkpoint) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("treeSize", checkpoint.treeSize());
        answer.put("rootHash", checkpoint.rootHex());
        answer.put("createdAt", checkpoint.createdAtText());
        answer.put("signature", checkpoint.signatureBase64());
        answer.put("signedText", checkpoint.signedText());
        return answer;
    }
}
