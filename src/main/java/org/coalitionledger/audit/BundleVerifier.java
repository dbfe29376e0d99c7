package org.coalitionledger.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The offline verifier: {@code java -jar coalition-ledger.jar verify-bundle bundle.zip}. Plain Java — no Spring, no
 * database, no network. Checks every checkpoint's signature, recomputes every event's leaf hash from its canonical
 * line, compares it with the sealed leaf at its position, and recomputes the root at every checkpoint. Exit codes:
 * {@value #OK} when everything matches, {@value #TAMPERED} naming the first bad record or checkpoint,
 * {@value #UNREADABLE} for a wrong command line or a bundle that cannot be read.
 */
public final class BundleVerifier {

    public static final String COMMAND = "verify-bundle";
    public static final int OK = 0;
    public static final int TAMPERED = 1;
    public static final int UNREADABLE = 2;

    private BundleVerifier() {
    }

    /** {@code args}: the bundle's path, optionally after {@value #COMMAND}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals(COMMAND)) {
            rest.remove(0);
        }
        if (rest.size() != 1) {
            err.println("usage: java -jar coalition-ledger.jar " + COMMAND + " <bundle.zip>");
            return UNREADABLE;
        }
        Path path = Path.of(rest.get(0));
        if (!Files.isReadable(path)) {
            err.println("cannot read " + path);
            return UNREADABLE;
        }
        try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            PublicKey key = AuditKeys.publicKeyFromPem(text(zip, Bundle.PUBLIC_KEY));
            List<Checkpoint> checkpoints = new ArrayList<>();
            int number = 0;
            for (String line : text(zip, Bundle.CHECKPOINTS).lines().toList()) {
                number++;
                try {
                    checkpoints.add(Bundle.parseCheckpoint(line));
                } catch (IOException | RuntimeException e) {
                    err.println("TAMPERED: line " + number + " of " + Bundle.CHECKPOINTS + " is not a checkpoint");
                    return TAMPERED;
                }
            }
            for (int i = 1; i < checkpoints.size(); i++) {
                if (checkpoints.get(i).treeSize() <= checkpoints.get(i - 1).treeSize()) {
                    err.println("TAMPERED: " + Bundle.CHECKPOINTS + " is not in increasing tree size at line "
                                        + (i + 1));
                    return TAMPERED;
                }
            }
            Verification.Result result;
            try (Lines events = new Lines(zip, Bundle.EVENTS); Lines leaves = new Lines(zip, Bundle.LEAVES)) {
                Iterator<Verification.Entry> entries = Iterators.map(events, BundleVerifier::entry);
                Iterator<Verification.Leaf> leafIterator = Iterators.map(leaves, BundleVerifier::leaf);
                result = Verification.run(entries, leafIterator, checkpoints, key, new FileLookup(zip));
            }
            if (result.ok()) {
                EvidenceCheck evidence = checkEvidence(zip);
                if (evidence.problem() != null) {
                    err.println("TAMPERED: " + evidence.problem());
                    return TAMPERED;
                }
                Checkpoint latest = result.latestCheckpoint();
                out.println("OK: " + result.checkedRecords() + " records match their sealed leaves; "
                                    + result.verifiedCheckpoints() + " checkpoints verified"
                                    + (latest == null ? "" : ", the latest of tree size " + latest.treeSize()
                                            + " with root " + latest.rootHex() + " made " + latest.createdAtText())
                                    + "; public key SHA-256 " + Merkle.hex(Merkle.sha256().digest(key.getEncoded()))
                                    + (result.pending() == 0 ? "" : "; " + result.pending()
                                            + " lines beyond the sealed leaves are not covered")
                                    + "; " + evidence.summary());
                return OK;
            }
            Verification.Problem problem = result.firstProblem();
            err.println("TAMPERED: " + problem.kind().label() + " at position " + problem.position()
                                + " (line " + (problem.position() + 1) + " of " + Bundle.EVENTS + ")"
                                + (problem.recordId() == null ? "" : ", record " + problem.recordId())
                                + (problem.eventId() == null ? "" : ", event " + problem.eventId())
                                + (problem.checkpoint() == null ? "" : ", checkpoint " + problem.checkpoint())
                                + ": " + problem.detail());
            return TAMPERED;
        } catch (IOException | UncheckedIOException | GeneralSecurityException | IllegalArgumentException e) {
            err.println("cannot read the bundle " + path + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    /** What the evidence check found: a summary for the OK line, or the first problem. */
    private record EvidenceCheck(String summary, String problem) {
    }

    /**
     * When the bundle carries evidence (its {@code evidence/} folder), every file that an event cites must be there
     * and hash to its name; a missing or altered file is reported with the first record that cites it.
     */
    private static EvidenceCheck checkEvidence(ZipFile zip) throws IOException {
        if (zip.getEntry(Bundle.EVIDENCE) == null) {
            return new EvidenceCheck("evidence files not included (ask for the bundle with evidence=true)", null);
        }
        Map<String, String> citedBy = new LinkedHashMap<>();
        try (Lines events = new Lines(zip, Bundle.EVENTS)) {
            while (events.hasNext()) {
                CanonicalEvent event = CanonicalEvent.parse(events.next());
                if (event != null) {
                    for (String hash : Bundle.citedEvidence(event.payload())) {
                        citedBy.putIfAbsent(hash, event.recordId());
                    }
                }
            }
        }
        for (Map.Entry<String, String> cited : citedBy.entrySet()) {
            ZipEntry file = zip.getEntry(Bundle.EVIDENCE + cited.getKey());
            if (file == null) {
                return new EvidenceCheck(null, "evidence file " + cited.getKey() + " cited by record "
                        + cited.getValue() + " is missing from " + Bundle.EVIDENCE);
            }
            MessageDigest digest = Merkle.sha256();
            try (InputStream in = zip.getInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            String actual = Merkle.hex(digest.digest());
            if (!actual.equals(cited.getKey())) {
                return new EvidenceCheck(null, "evidence file " + cited.getKey() + " cited by record "
                        + cited.getValue() + " was altered: its SHA-256 is " + actual);
            }
        }
        return new EvidenceCheck(citedBy.size() + " cited evidence files match their hashes", null);
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the bundle has no " + name);
        }
        try (var in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Verification.Entry entry(String line) {
        CanonicalEvent event = CanonicalEvent.parse(line);
        boolean canonical = event != null && event.canonicalText().equals(line);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new BundleEntry(canonical ? event.eventId() : null, canonical ? event.recordId() : null, bytes);
    }

    private static Verification.Leaf leaf(String line) {
        try {
            return Bundle.parseLeaf(line);
        } catch (IOException | RuntimeException e) {
            return new Verification.Leaf(new byte[Merkle.HASH_SIZE], null, null);
        }
    }

    private record BundleEntry(String eventId, String recordId, byte[] canonicalBytes) implements Verification.Entry {
    }

    /** Looks ids up by reading the files again; only needed once, for the first mismatch. */
    private record FileLookup(ZipFile zip) implements Verification.Lookup {

        @Override
        public boolean inEvents(String eventId) {
            return contains(Bundle.EVENTS, "\"eventId\":\"" + eventId + "\"");
        }

        @Override
        public boolean inLeaves(String eventId) {
            return contains(Bundle.LEAVES, "\"eventId\":\"" + eventId + "\"");
        }

        private boolean contains(String name, String needle) {
            try (Lines lines = new Lines(zip, name)) {
                while (lines.hasNext()) {
                    if (lines.next().contains(needle)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /** The lines of one file of the bundle, streamed. */
    private static final class Lines implements Iterator<String>, AutoCloseable {

        private final BufferedReader reader;
        private String next;

        Lines(ZipFile zip, String name) {
            try {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw new IOException("the bundle has no " + name);
                }
                reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8),
                                            1 << 16);
                next = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public String next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String line = next;
            try {
                next = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return line;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
