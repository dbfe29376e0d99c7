package org.coalitionledger.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.coalitionledger.audit.AuditKeys;
import org.coalitionledger.audit.Checkpoint;

import java.util.Base64;

/** The public key that signs checkpoints, as PEM and as base64 of its DER bytes, with its SHA-256 fingerprint. */
@Schema(description = "The Ed25519 public key that signs checkpoints")
public record PublicKeyResponse(
        @Schema(example = "Ed25519") String algorithm,
        @Schema(example = "X.509 SubjectPublicKeyInfo") String format,
        @Schema(description = "The key in PEM") String pem,
        @Schema(description = "The DER bytes of the key, base64") String base64,
        @Schema(description = "SHA-256 of the DER bytes, lowercase hex") String fingerprintSha256) {

    static PublicKeyResponse of(AuditKeys keys) {
        return new PublicKeyResponse(Checkpoint.SIGNATURE_ALGORITHM, "X.509 SubjectPublicKeyInfo",
                                     keys.publicKeyPem(),
                                     Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()),
                                     keys.fingerprint());
    }
}
