package org.coalitionledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A signed statement that the tree of the first {@code treeSize} leaves has root {@code rootHash}, made at
 * {@code createdAt} (millisecond precision). The Ed25519 signature covers the UTF-8 bytes of
 * <pre>
 * coalition-ledger checkpoint v1\n
 * &lt;treeSize in decimal&gt;\n
 * &lt;rootHash in lowercase hex&gt;\n
 * &lt;createdAt as yyyy-MM-ddTHH:mm:ss.SSSZ&gt;\n
 * </pre>
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant createdAt, byte[] signature) {

    public static final String SIGNATURE_ALGORITHM = "Ed25519";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public Checkpoint {
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Signs the tree head with the ledger's private key. */
    public static Checkpoint sign(long treeSize, byte[] rootHash, Instant createdAt, PrivateKey key) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(signedText(treeSize, rootHash, at).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(treeSize, rootHash, at, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** The exact text the signature covers. */
    public static String signedText(long treeSize, byte[] rootHash, Instant createdAt) {
        return "coalition-ledger checkpoint v1\n" + treeSize + "\n" + Merkle.hex(rootHash) + "\n"
                + time(createdAt) + "\n";
    }

    public String signedText() {
        return signedText(treeSize, rootHash, createdAt);
    }

    public boolean signatureValid(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String createdAtText() {
        return time(createdAt);
    }

    public String rootHex() {
        return Merkle.hex(rootHash);
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    public static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parseTime(String text) {
        return Instant.from(TIME.parse(text));
    }

    /** One line of checkpoints.jsonl in the audit bundle. */
    public String jsonLine() {
        return "{\"treeSize\":" + treeSize + ",\"rootHash\":\"" + rootHex() + "\",\"createdAt\":\""
                + createdAtText() + "\",\"signature\":\"" + signatureBase64() + "\"}";
    }
}
