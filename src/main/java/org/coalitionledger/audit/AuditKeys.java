package org.coalitionledger.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The ledger's Ed25519 key pair, from the JDK. Created on first start as {@code checkpoint-key.pem} (PKCS#8,
 * readable and writable by its owner only) and {@code checkpoint-key.pub.pem} (X.509 SubjectPublicKeyInfo) in the
 * audit directory; read from there afterwards.
 */
public final class AuditKeys {

    public static final String PRIVATE_FILE = "checkpoint-key.pem";
    public static final String PUBLIC_FILE = "checkpoint-key.pub.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static AuditKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(privateFile) || Files.exists(publicFile)) {
                if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                    throw new IllegalStateException("found only one of " + privateFile + " and " + publicFile
                            + "; restore the other from backup, or move both away to start a new key");
                }
                KeyFactory factory = KeyFactory.getInstance(Checkpoint.SIGNATURE_ALGORITHM);
                return new AuditKeys(factory.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privateFile))),
                                     factory.generatePublic(new X509EncodedKeySpec(pemBody(publicFile))));
            }
            KeyPair pair = KeyPairGenerator.getInstance(Checkpoint.SIGNATURE_ALGORITHM).generateKeyPair();
            Files.createDirectories(directory);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(privateFile);
            }
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                              StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new AuditKeys(pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read or create the checkpoint key in " + directory, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** SHA-256 of the SubjectPublicKeyInfo, in hex: how to compare the key with one published elsewhere. */
    public String fingerprint() {
        return Merkle.hex(Merkle.sha256().digest(publicKey.getEncoded()));
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Reads an Ed25519 public key from PEM text (as served and bundled). */
    public static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(Checkpoint.SIGNATURE_ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(pemBody(pem)));
    }

    private static byte[] pemBody(Path file) throws IOException {
        return pemBody(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
