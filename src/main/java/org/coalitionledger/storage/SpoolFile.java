package org.coalitionledger.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A bulk import's scratch file in the import spool directory ({@code ledger.import.spool-dir}, inside the private
 * data directory by default): private to its owner ({@code rw-------}), locked while it is in use, and deleted when
 * the import ends either way. A node killed during an import leaves its files behind; the next start deletes every
 * spool file no live process holds ({@link #deleteAbandoned}).
 */
public final class SpoolFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolFile.class);
    private static final String SUFFIX = ".spool";
    private static final int BUFFER = 1 << 16;

    /**
     * A spool file could not be made, written or read (a full or read-only disk): the import ends with nothing
     * written. Not an {@code UncheckedIOException}, which the CSV reader answers as malformed CSV.
     */
    public static final class Failure extends RuntimeException {

        public Failure(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final DataOutputStream out;
    private boolean closedForWriting;

    private SpoolFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
    }

    /** A new, empty spool file named {@code prefix}-something in {@code directory} (created private if need be). */
    public static SpoolFile create(Path directory, String prefix) {
        try {
            DataFilePermissions.tighten(directory, true);
            Files.createDirectories(directory);
            Path path = Files.createTempFile(directory, prefix + "-", SUFFIX);
            if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
            return new SpoolFile(path, channel, channel.lock());
        } catch (IOException e) {
            throw new Failure("cannot create an import spool file in " + directory, e);
        }
    }

    /** Deletes the spool files of {@code directory} that no live process holds (left by a node that was killed). */
    public static void deleteAbandoned(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    if (lock != null) {
                        Files.delete(file);
                        log.info("Deleted {}, left by an import that did not end", file);
                    }
                } catch (OverlappingFileLockException e) {
                    // this process's own import holds it
                }
            }
        } catch (IOException e) {
            log.warn("Cannot clear the import spool directory {}: {}", directory, e.toString());
        }
    }

    public Path path() {
        return path;
    }

    /** Where to write; buffered. */
    public DataOutputStream out() {
        return out;
    }

    /** The bytes written so far. */
    public long bytes() {
        try {
            out.flush();
            return channel.size();
        } catch (IOException e) {
            throw new Failure("cannot read the size of the import spool " + path, e);
        }
    }

    /** Flushes what was written; the file takes nothing more. */
    public void finish() {
        if (!closedForWriting) {
            closedForWriting = true;
            try {
                out.flush();
            } catch (IOException e) {
                throw new Failure("cannot write the import spool " + path, e);
            }
        }
    }

    /** Reads the file from its start (after {@link #finish}). */
    public DataInputStream in() {
        finish();
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER));
        } catch (IOException e) {
            throw new Failure("cannot read the import spool " + path, e);
        }
    }

    /** A channel for reads at given positions (after {@link #finish}); shares the file's own. */
    public FileChannel channel() {
        finish();
        return channel;
    }

    /** Releases and deletes the file. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            log.warn("Cannot close the import spool {}: {}", path, e.toString());
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new Failure("cannot delete the import spool " + path, e);
        }
    }
}
