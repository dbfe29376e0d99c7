package org.coalitionledger.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code java -jar coalition-ledger.jar backup --to DIR}: asks the running ledger for a backup
 * ({@code GET /api/admin/backup}, as an ADMIN given by LEDGER_USER and LEDGER_PASSWORD) and writes it into a new or
 * empty directory; on PostgreSQL it then runs {@code pg_dump} into the same directory. Every file is checked
 * against the manifest's SHA-256 before the command reports success. Exit codes: 0 done, 1 refused or failed,
 * 2 usage.
 */
public final class BackupCommand {

    public static final String COMMAND = "backup";
    private static final List<String> OPTIONS = List.of("--to", "--url", "--database", "--pg-dump");

    private BackupCommand() {
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out) {
        Map<String, String> options = BackupFiles.options(args, OPTIONS, out);
        if (options == null || !options.containsKey("--to")) {
            out.println(options == null ? "" : "--to DIR is required.");
            out.println(usage());
            return 2;
        }
        String user = environment.get("LEDGER_USER");
        String password = environment.get("LEDGER_PASSWORD");
        if (user == null || password == null) {
            out.println("Set LEDGER_USER and LEDGER_PASSWORD to an ADMIN user of the running ledger.");
            return 2;
        }
        Path to = Path.of(options.get("--to"));
        String url = options.getOrDefault("--url", environment.getOrDefault("LEDGER_URL", "http://localhost:8080"));
        try {
            if (!BackupFiles.emptyOrAbsent(to)) {
                out.println("Refused: " + to.toAbsolutePath() + " is not empty; a backup goes into a new directory.");
                return 1;
            }
            Files.createDirectories(to);
            BackupFiles.ownerOnly(to);
            String failure = fetch(URI.create(url.replaceFirst("/$", "") + "/api/admin/backup"), user, password, to);
            if (failure != null) {
                out.println("Refused: " + failure);
                return 1;
            }
            BackupManifest manifest = BackupFiles.readManifest(to);
            if (manifest.database().equals("postgresql")) {
                String database = options.getOrDefault("--database", environment.get("LEDGER_DB_URL"));
                BackupFiles.Postgres target = BackupFiles.Postgres.of(
                        database, environment.getOrDefault("LEDGER_DB_USER", "ledger"),
                        environment.getOrDefault("LEDGER_DB_PASSWORD", ""));
                Path dump = to.resolve(BackupManifest.PG_DUMP);
                List<String> command = new ArrayList<>(List.of(
                        options.getOrDefault("--pg-dump", "pg_dump"), "--format=custom", "--no-owner",
                        "--no-privileges", "--file=" + dump));
                command.addAll(target.options());
                StringBuilder output = new StringBuilder();
                int code = BackupFiles.run(command, target, output);
                if (code != 0) {
                    out.println("pg_dump failed (exit " + code + "): " + output.toString().strip());
                    return 1;
                }
                manifest = BackupFiles.withFile(manifest, BackupManifest.PG_DUMP, BackupFiles.sha256(dump));
                BackupFiles.writeManifest(to, manifest);
            }
            List<String> damaged = BackupFiles.damaged(to, manifest);
            if (!damaged.isEmpty()) {
                out.println("The backup arrived damaged: " + String.join("; ", damaged));
                return 1;
            }
            out.println("Backup of " + manifest.events() + " events (" + manifest.database() + ", audit tree size "
                                + manifest.treeSize() + ") written to " + to.toAbsolutePath() + ": "
                                + String.join(", ", manifest.files().keySet()) + ".");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }

    /** Fetches the zip and unpacks it into {@code to}; returns why it failed, or null. */
    private static String fetch(URI uri, String user, String password, Path to) throws IOException {
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                                                                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.net.ConnectException e) {
            return "no ledger answers at " + uri + " (start it, or name it with --url or LEDGER_URL)";
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return uri + " answered " + response.statusCode() + ": "
                        + new String(body.readNBytes(2_000), StandardCharsets.UTF_8).strip();
            }
            try (ZipInputStream zip = new ZipInputStream(body)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    Path file = BackupFiles.inside(to, entry.getName());
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                    BackupFiles.ownerOnly(file);
                }
            }
        }
        for (String name : List.of(BackupManifest.KEY_DIRECTORY, BackupManifest.H2_DIRECTORY)) {
            Path directory = to.resolve(name);
            if (Files.isDirectory(directory)) {
                BackupFiles.ownerOnly(directory);
            }
        }
        return null;
    }


    static String usage() {
        return """
                Usage: java -jar coalition-ledger.jar backup --to DIR [--url http://localhost:8080]
                           [--database jdbc:postgresql://host:5432/ledger] [--pg-dump /path/to/pg_dump]
                  LEDGER_USER, LEDGER_PASSWORD: an ADMIN of the running ledger (LEDGER_URL instead of --url).
                  On PostgreSQL also LEDGER_DB_URL (or --database), LEDGER_DB_USER, LEDGER_DB_PASSWORD for pg_dump.""";
    }
}
