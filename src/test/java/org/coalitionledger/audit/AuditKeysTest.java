package org.coalitionledger.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint key pair: made once, kept private, the same after a restart. */
class AuditKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyPairIsCreatedOnceWithAnOwnerOnlyPrivateKeyAndReadBackAfterARestart() throws Exception {
        Path directory = dataDir.resolve("audit");
        AuditKeys first = AuditKeys.loadOrCreate(directory);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve(AuditKeys.PRIVATE_FILE)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        Checkpoint signed = Checkpoint.sign(5, Merkle.leafHash(new byte[]{1}), Instant.now(), first.privateKey());

        AuditKeys second = AuditKeys.loadOrCreate(directory);
        assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(signed.signatureValid(second.publicKey())).isTrue();
        assertThat(signed.signatureValid(AuditKeys.publicKeyFromPem(second.publicKeyPem()))).isTrue();
    }

    @Test
    void aCheckpointWithAnyFieldChangedNoLongerVerifies() {
        AuditKeys keys = AuditKeys.loadOrCreate(dataDir);
        Checkpoint signed = Checkpoint.sign(5, Merkle.leafHash(new byte[]{1}), Instant.now(), keys.privateKey());
        assertThat(new Checkpoint(6, signed.rootHash(), signed.createdAt(), signed.signature())
                           .signatureValid(keys.publicKey())).isFalse();
        assertThat(new Checkpoint(5, Merkle.leafHash(new byte[]{2}), signed.createdAt(), signed.signature())
                           .signatureValid(keys.publicKey())).isFalse();
        assertThat(new Checkpoint(5, signed.rootHash(), signed.createdAt().plusMillis(1), signed.signature())
                           .signatureValid(keys.publicKey())).isFalse();
        assertThat(signed.signedText()).matches("coalition-ledger checkpoint v1\n5\n[0-9a-f]{64}\n"
                                                        + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\n");
    }

    @Test
    void aPrivateKeyWithoutItsPublicKeyStopsTheStart() throws Exception {
        AuditKeys.loadOrCreate(dataDir);
        Files.delete(dataDir.resolve(AuditKeys.PUBLIC_FILE));
        assertThatThrownBy(() -> AuditKeys.loadOrCreate(dataDir)).hasMessageContaining("only one of");
    }
}
