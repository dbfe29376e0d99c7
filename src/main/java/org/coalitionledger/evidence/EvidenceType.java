package org.coalitionledger.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The media types evidence may have, with the file extension used when an upload named no file. Nothing else is
 * stored: every one of them is served as a download, never rendered in the ledger's own origin.
 */
public enum EvidenceType {

    PDF("application/pdf", "pdf"),
    HTML("text/html", "html"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    /**
     * Plain text: a cross-site form could post it too, so an upload of it must carry the header
     * {@value #PLAIN_TEXT_HEADER}, which no form can set (security.CrossSiteWriteFilter).
     */
    TEXT("text/plain", "txt");

    /** The header a plain-text upload must carry (any value), as proof that it does not come from a form. */
    public static final String PLAIN_TEXT_HEADER = "X-Ledger-Upload";

    private final String mediaType;
    private final String extension;

    EvidenceType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type of a Content-Type header's value, its parameters (a charset) ignored. */
    public static Optional<EvidenceType> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(bare)).findFirst();
    }

    /** Every accepted media type, comma-separated, for error messages. */
    public static String accepted() {
        return Arrays.stream(values()).map(EvidenceType::mediaType).collect(Collectors.joining(", "));
    }
}
