package org.coalitionledger.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.evidence.EvidenceStore;
import org.coalitionledger.evidence.EvidenceStore.Document;
import org.coalitionledger.evidence.EvidenceStore.Stored;
import org.coalitionledger.evidence.EvidenceType;
import org.coalitionledger.web.Params;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Uploads and downloads of evidence files. An upload is the raw document as the body with its media type as
 * Content-Type; a download is always an attachment with {@code X-Content-Type-Options: nosniff}, so that an uploaded
 * HTML page never runs in the ledger's origin.
 */
@RestController
@Tag(name = "Evidence")
class EvidenceController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FILENAME = 255;

    private final EvidenceStore store;
    private final Clock clock;

    EvidenceController(EvidenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping("/api/evidence")
    @Operation(summary = "Store an evidence file (the raw document as the body; Content-Type application/pdf,"
            + " text/html, image/png, image/jpeg, or text/plain with the header X-Ledger-Upload); answers its SHA-256")
    ResponseEntity<Stored> upload(@RequestParam(required = false) String filename,
                                  @RequestParam(required = false) String sha256, HttpServletRequest request,
                                  Principal principal) throws IOException {
        EvidenceType type = EvidenceType.of(request.getContentType()).orElseThrow(() -> Rejection.unsupportedType(
                "Content-Type", "an evidence file must be sent as one of " + EvidenceType.accepted() + "; '"
                        + Text.clip(String.valueOf(request.getContentType())) + "' is not"));
        if (type == EvidenceType.TEXT && request.getHeader(EvidenceType.PLAIN_TEXT_HEADER) == null) {
            throw Rejection.unsupportedType("Content-Type", "a text/plain evidence file needs the header "
                    + EvidenceType.PLAIN_TEXT_HEADER + " (any value), which a form of another site cannot send");
        }
        String name = filename(filename);
        if (sha256 != null) {
            hash("sha256", sha256);
        }
        byte[] content = request.getInputStream().readAllBytes();
        if (content.length == 0) {
            throw Rejection.invalid("body", "the evidence file is empty");
        }
        String actual = EvidenceStore.sha256(content);
        if (sha256 != null && !sha256.equals(actual)) {
            throw Rejection.invalid("sha256", "the body's SHA-256 is " + actual + ", not " + sha256
                    + " as the request says; the file was altered or cut short, nothing was stored");
        }
        Stored stored = store.store(content, type, name, Params.caller(principal), clock.instant());
        return ResponseEntity.status(201).body(stored);
    }

    @GetMapping("/api/evidence/{sha256}")
    @Operation(summary = "An evidence file by its SHA-256, as a download in its media type")
    ResponseEntity<byte[]> download(@PathVariable String sha256) {
        hash("sha256", sha256);
        Document document = store.read(sha256)
                .orElseThrow(() -> Rejection.notFound("sha256", "no evidence file has the SHA-256 " + sha256));
        Stored stored = document.stored();
        String name = stored.filename() != null ? stored.filename()
                : stored.sha256() + "." + EvidenceType.of(stored.mediaType()).map(EvidenceType::extension)
                        .orElse("bin");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(stored.mediaType()));
        headers.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setETag("\"" + stored.sha256() + "\"");
        return ResponseEntity.ok().headers(headers).body(document.content());
    }

    private static String hash(String field, String value) {
        if (!SHA256.matcher(value).matches()) {
            throw Rejection.invalid(field, field + " '" + Text.clip(value)
                    + "' is not a SHA-256 hash (64 lowercase hex digits)");
        }
        return value;
    }

    /** A file name to offer on download: no path, no control characters, at most 255 characters. */
    private static String filename(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Checks.optionalText("filename", value, MAX_FILENAME);
        if (value.contains("/") || value.contains("\\") || value.contains("\n") || value.contains("\t")
                || value.equals(".") || value.equals("..")) {
            throw Rejection.invalid("filename", "filename '" + Text.clip(value)
                    + "' must be a plain file name, without a path, line break or tab");
        }
        return value;
    }
}
