package org.coalitionledger.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users to import into the database at start ({@link ConfiguredUsers}): those in the configuration, or, when none
 * is configured and the database holds no user, the initial {@code admin}. There is no built-in password: the admin's
 * is {@code LEDGER_ADMIN_PASSWORD} or one generated on first start, and only its bcrypt hash is kept afterwards.
 */
final class LedgerUsers {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    static final String HASH_FILE = "admin-password.bcrypt";

    private static final Logger log = LoggerFactory.getLogger(LedgerUsers.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LedgerUsers() {
    }

    /** A user to import into the database at start: name, bcrypt hash (without prefix), roles. */
    record Seed(String name, String hash, Set<Role> roles) {
    }

    /**
     * The users from the configuration, checked; or the initial admin when there are none and {@code noneStored}
     * (the database holds no user yet: a first start). Otherwise nothing.
     */
    static List<Seed> load(SecurityProperties properties, Path dataDir, boolean noneStored) {
        if (!properties.users().isEmpty()) {
            return configured(properties.users());
        }
        if (!noneStored) {
            return List.of();
        }
        return List.of(new Seed(ADMIN, initialAdminHash(properties.adminPassword(), dataDir), Set.of(Role.ADMIN)));
    }

    private static List<Seed> configured(List<SecurityProperties.UserEntry> entries) {
        List<Seed> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SecurityProperties.UserEntry entry = entries.get(i);
            String at = "ledger.security.users[" + i + "]";
            if (entry.name() == null || !NAME.matcher(entry.name()).matches()) {
                throw new IllegalStateException(at + ".name must be 1 to 64 characters of A-Z, a-z, 0-9 and ._@-");
            }
            if (!names.add(entry.name())) {
                throw new IllegalStateException(at + ".name '" + entry.name() + "' is configured twice");
            }
            String hash = entry.password() == null ? "" : entry.password().replaceFirst("^\\{bcrypt}", "");
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(at + ".password (user '" + entry.name() + "') must be a bcrypt hash"
                        + " such as $2a$12$…, never a plain password; docs/security.md shows how to make one");
            }
            if (entry.roles() == null || entry.roles().isEmpty()) {
                throw new IllegalStateException(at + ".roles (user '" + entry.name() + "') must name at least one"
                        + " of VIEWER, RECORDER, AUDITOR, ADMIN");
            }
            users.add(new Seed(entry.name(), hash, entry.roles()));
        }
        return users;
    }

    /**
     * The hash of the initial admin's password: of {@code LEDGER_ADMIN_PASSWORD} when set; else the one kept from
     * the first start; else of a new random password, which is logged once and written, readable by its owner only.
     */
    private static String initialAdminHash(String given, Path dataDir) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        if (given != null && !given.isEmpty()) {
            if (given.length() < 12) {
                throw new IllegalStateException("LEDGER_ADMIN_PASSWORD must be at least 12 characters long");
            }
            return bcrypt.encode(given);
        }
        Path hashFile = dataDir.resolve(HASH_FILE);
        try {
            if (Files.exists(hashFile)) {
                String hash = Files.readString(hashFile, StandardCharsets.US_ASCII).trim();
                if (!BCRYPT.matcher(hash).matches()) {
                    throw new IllegalStateException(hashFile + " does not hold a bcrypt hash; delete it to have a"
                            + " new initial admin password generated, or set LEDGER_ADMIN_PASSWORD");
                }
                return hash;
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String hash = bcrypt.encode(password);
            Files.createDirectories(dataDir);
            writeOwnerOnly(dataDir.resolve(PASSWORD_FILE), password + "\n");
            writeOwnerOnly(hashFile, hash + "\n");
            log.warn("No users are configured: created user '{}' with the ADMIN role and the password {} (also"
                     + " written to {}, readable only by its owner). Configure users and delete that file; see"
                     + " docs/security.md.", ADMIN, password, dataDir.resolve(PASSWORD_FILE));
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the initial admin password under " + dataDir, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another process is creating " + file, raced);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
