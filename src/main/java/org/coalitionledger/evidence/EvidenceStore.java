package org.coalitionledger.evidence;

import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence files in table {@code evidence}, keyed by the SHA-256 of their bytes. Rows are only inserted: the same
 * bytes uploaded again are not stored twice, and the first upload's media type and file name stay.
 */
@Component
public class EvidenceStore {

    /** What is known of a stored file. */
    public record Stored(String sha256, long size, String mediaType, String filename) {
    }

    /** A stored file with its bytes. */
    public record Document(Stored stored, byte[] content) {
    }

    private final JdbcTemplate jdbc;

    EvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The SHA-256 of some bytes, in lowercase hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Stores the bytes unless the same bytes are stored already; answers what is stored under their hash. */
    @Transactional
    public Stored store(byte[] content, EvidenceType type, String filename, String storedBy, Instant at) {
        String hash = sha256(content);
        Optional<Stored> known = find(hash);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            jdbc.update("insert into evidence (sha256, media_type, filename, size_bytes, content, stored_by, stored_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?)",
                        hash, type.mediaType(), filename, (long) content.length, content, storedBy,
                        Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            // stored by another request at the same moment: the same bytes
            return find(hash).orElseThrow(() -> e);
        }
        return new Stored(hash, content.length, type.mediaType(), filename);
    }

    public Optional<Stored> find(String sha256) {
        return jdbc.query("select sha256, size_bytes, media_type, filename from evidence where sha256 = ?",
                          (row, n) -> new Stored(row.getString(1), row.getLong(2), row.getString(3),
                                                 row.getString(4)), sha256).stream().findFirst();
    }

    public Optional<Document> read(String sha256) {
        return jdbc.query("select sha256, size_bytes, media_type, filename, content from evidence where sha256 = ?",
                          (row, n) -> new Document(new Stored(row.getString(1), row.getLong(2), row.getString(3),
                                                              row.getString(4)), row.getBytes(5)),
                          sha256).stream().findFirst();
    }

    /** The hashes among these that no stored file has. */
    public Set<String> missing(Collection<String> hashes) {
        Set<String> missing = new LinkedHashSet<>(hashes);
        for (String hash : hashes) {
            if (find(hash).isPresent()) {
                missing.remove(hash);
            }
        }
        return missing;
    }

    /**
     * Checks that the hashes are well formed and that every one names a stored file; otherwise a 400 naming the
     * field and the first hash missing.
     */
    public void requireStored(String field, List<String> hashes) {
        Checks.evidence(field, hashes);
        if (hashes == null || hashes.isEmpty()) {
            return;
        }
        Set<String> missing = missing(hashes);
        if (!missing.isEmpty()) {
            throw Rejection.invalid(field, field + " cites " + missing.iterator().next()
                    + ", which is no stored evidence file; upload it first (POST /api/evidence)"
                    + (missing.size() > 1 ? " (" + (missing.size() - 1) + " more missing)" : ""));
        }
    }
}
