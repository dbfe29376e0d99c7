package org.coalitionledger.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the backup and restore commands share: the manifest, file hashes, key permissions and pg_dump's target. */
final class BackupFiles {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private BackupFiles() {
    }

    /** The command's options as name → value, or null (having said which) when one is unknown or has no value. */
    static Map<String, String> options(String[] args, List<String> known, java.io.PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                out.println("Unknown or incomplete option '" + args[i] + "'.");
                return null;
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    static BackupManifest readManifest(Path dir) throws IOException {
        Path file = dir.resolve(BackupManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + BackupManifest.FILE + " in " + dir.toAbsolutePath()
                                          + " (is it a backup directory?)");
        }
        return JSON.readValue(file.toFile(), BackupManifest.class);
    }

    static void writeManifest(Path dir, BackupManifest manifest) throws IOException {
        JSON.writeValue(dir.resolve(BackupManifest.FILE).toFile(), manifest);
    }

    /** The files whose content differs from the manifest's hash, or that are missing; empty when all match. */
    static List<String> damaged(Path dir, BackupManifest manifest) throws IOException {
        List<String> damaged = new ArrayList<>();
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            Path path = inside(dir, file.getKey());
            if (!Files.isRegularFile(path)) {
                damaged.add(file.getKey() + " is missing");
            } else if (!sha256(path).equals(file.getValue())) {
                damaged.add(file.getKey() + " does not match its SHA-256 in the manifest");
            }
        }
        return damaged;
    }

    /** The manifest with one more file (or a file's new hash). */
    static BackupManifest withFile(BackupManifest manifest, String name, String sha256) {
        Map<String, String> files = new LinkedHashMap<>(manifest.files());
        files.put(name, sha256);
        return new BackupManifest(manifest.format(), manifest.database(), manifest.createdAt(), manifest.events(),
                                  manifest.treeSize(), manifest.rootHash(), files);
    }

    /** {@code name} resolved under {@code dir}; refuses a name that would leave it ("../", absolute paths). */
    static Path inside(Path dir, String name) throws IOException {
        Path path = dir.resolve(name).normalize();
        if (!path.startsWith(dir.normalize()) || Path.of(name).isAbsolute()) {
            throw new IOException("refused a file outside the backup directory: " + name);
        }
        return path;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = LedgerBackup.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** True when {@code dir} does not exist or holds nothing. */
    static boolean emptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Makes a file or directory readable by its owner only (as the ledger keeps its key), where POSIX allows. */
    static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    /** A PostgreSQL database as pg_dump and pg_restore name it, from the ledger's JDBC URL. */
    record Postgres(String host, int port, String database, String user, String password) {

        static Postgres of(String jdbcUrl, String user, String password) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("the database must be a PostgreSQL JDBC URL "
                                                           + "(jdbc:postgresql://host:5432/db), not " + jdbcUrl);
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || path.isEmpty()) {
                throw new IllegalArgumentException("the JDBC URL names no host or database: " + jdbcUrl);
            }
            return new Postgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password);
        }

        /** The connection options of pg_dump and pg_restore (the password goes in PGPASSWORD, never argv). */
        List<String> options() {
            return List.of("--host=" + host, "--port=" + port, "--username=" + user, "--dbname=" + database);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** Runs a PostgreSQL client tool; returns its exit code, its output (both streams) in {@code output}. */
    static int run(List<String> command, Postgres target, StringBuilder output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", target.password());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (install the PostgreSQL client tools or name "
                                          + "the program with --pg-dump / --pg-restore): " + e.getMessage(), e);
        }
        try (InputStream in = process.getInputStream()) {
            output.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
    }
}
