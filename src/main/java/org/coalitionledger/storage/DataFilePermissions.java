package org.coalitionledger.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the ledger's files private to the user that runs it, on POSIX file systems: the data directory and the key
 * directory {@code rwx------}, the H2 database's files ({@code ledger.*}), {@code initial-admin-password} and both
 * checkpoint key files {@code rw-------}. Runs before any bean is created (creating the data directory private, so
 * that H2's files, created with the process's umask, are never reachable by others) and again once the application
 * is ready (tightening the files H2 and the key store created meanwhile). Registered in
 * {@code META-INF/spring.factories}, so every start of the application, tests included, runs it.
 */
public class DataFilePermissions implements ApplicationListener<ApplicationEvent> {

    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<String> KEY_FILES = Set.of("checkpoint-key.pem", "checkpoint-key.pub.pem");
    private static final Logger log = LoggerFactory.getLogger(DataFilePermissions.class);

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            apply(prepared.getApplicationContext().getEnvironment(), true);
        } else if (event instanceof ApplicationReadyEvent ready) {
            apply(ready.getApplicationContext().getEnvironment(), false);
        }
    }

    private static void apply(Environment environment, boolean create) {
        String dataDir = environment.getProperty("ledger.data-dir");
        if (dataDir == null) {
            return;
        }
        tighten(Path.of(dataDir), create);
        String keyDir = environment.getProperty("ledger.audit.key-dir");
        if (keyDir != null && Files.isDirectory(Path.of(keyDir))) {
            tighten(Path.of(keyDir), false);
        }
    }

    /** Makes the directory (created if asked) and the ledger's files in it private to their owner. */
    static void tighten(Path directory, boolean create) {
        try {
            if (create && !Files.exists(directory)) {
                Path parent = directory.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                if (posix(parent)) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
                }
            }
            if (!Files.isDirectory(directory) || !posix(directory)) {
                return;
            }
            Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && (name.startsWith("ledger.") || KEY_FILES.contains(name)
                            || name.equals("initial-admin-password"))) {
                        Files.setPosixFilePermissions(file, PRIVATE_FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + directory + " private (rwx------)"
                    + " and its files rw-------", e);
        }
    }

    private static boolean posix(Path path) throws IOException {
        boolean posix = path != null && Files.exists(path)
                && Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!posix) {
            log.debug("{} is not on a POSIX file system; its permissions are left as they are", path);
        }
        return posix;
    }
}
