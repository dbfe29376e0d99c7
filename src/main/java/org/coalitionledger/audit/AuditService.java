package org.coalitionledger.audit;

import org.coalitionledger.support.Prefetch;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.coalitionledger.evidence.EvidenceStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Verification of the live ledger, inclusion and consistency proofs, and the audit bundle. */
@Service
public class AuditService {

    private final EvidenceStore evidence;

    private final AuditStore store;
    private final AuditKeys keys;
    private final AuditSealer sealer;
    private final Set<String> verifiedSignatures = ConcurrentHashMap.newKeySet();

    AuditService(AuditStore store, AuditKeys keys, AuditSealer sealer, EvidenceStore evidence) {
        this.evidence = evidence;
        this.store = store;
        this.keys = keys;
        this.sealer = sealer;
    }

    /** Recomputes every leaf from the event store and checks it against the sealed tree and every checkpoint. */
    public Verification.Result verify() {
        Verification.Result result = verifyNow();
        lastVerify = new LastVerify(java.time.Instant.now(), result.ok());
        return result;
    }

    /** When the latest verify on this node ended, and whether it passed. */
    record LastVerify(java.time.Instant at, boolean ok) {
    }

    private volatile LastVerify lastVerify;

    /** The latest verify on this node since it started, or null before the first. */
    LastVerify lastVerify() {
        return lastVerify;
    }

    private Verification.Result verifyNow() {
        List<Checkpoint> checkpoints = store.checkpoints();
        try (Rows<AuditStore.StoredEvent> events = store.events(); Rows<byte[]> leaves = store.leafHashes();
             Prefetch<AuditStore.StoredEvent, Verification.Entry> eventIterator = new Prefetch<>(
                     events, AuditStore.StoredEvent::event, "audit-verify-events")) {
            Iterator<Verification.Leaf> leafIterator =
                    Iterators.map(leaves, hash -> new Verification.Leaf(hash, null, null));
            return Verification.run(eventIterator, leafIterator, checkpoints, signaturesCheckedAhead(checkpoints),
                                    new Verification.Lookup() {
                                        @Override
                                        public boolean inEvents(String eventId) {
                                            return store.eventExists(eventId);
                                        }

                                        @Override
                                        public boolean inLeaves(String eventId) {
                                            return store.leafExists(eventId);
                                        }

                                        @Override
                                        public Verification.Leaf sealedLeaf(long position) {
                                            return store.leafAt(position).map(leaf -> new Verification.Leaf(
                                                    leaf.hash(), leaf.eventId(), leaf.recordId())).orElse(null);
                                        }
                                    });
        }
    }

    /**
     * Checks the checkpoints' signatures on another thread, in order, while the events are read; a signature that
     * verified once (the same size, root, time and signature bytes) is remembered in memory and not checked again.
     */
    private Predicate<Checkpoint> signaturesCheckedAhead(List<Checkpoint> checkpoints) {
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        checkpoints.forEach(checkpoint -> results.add(new CompletableFuture<>()));
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < checkpoints.size(); i++) {
                Checkpoint checkpoint = checkpoints.get(i);
                String id = checkpoint.signedText() + checkpoint.signatureBase64();
                boolean valid = verifiedSignatures.contains(id) || checkpoint.signatureValid(keys.publicKey());
                if (valid) {
                    verifiedSignatures.add(id);
                }
                results.get(i).complete(valid);
            }
        }).exceptionally(failure -> {
            results.forEach(result -> result.completeExceptionally(failure));
            return null;
        });
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            index.put(checkpoints.get(i).treeSize(), i);
        }
        return checkpoint -> results.get(index.get(checkpoint.treeSize())).join();
    }

    /** Seals what is stored and signs a checkpoint of the whole tree (none when nothing new was sealed). */
    public Checkpoint checkpointNow() {
        try {
            return sealer.seal(true).orElseThrow(() -> Rejection.conflict(null, "the ledger holds no events to"
                    + " checkpoint yet"));
        } catch (AuditSealer.ForeignKeyException e) {
            throw Rejection.conflict(null, e.getMessage());
        }
    }

    public List<Checkpoint> checkpoints() {
        return store.checkpoints();
    }

    public AuditKeys keys() {
        return keys;
    }

    /** The signed checkpoint of this tree size; a 404 naming {@code field} when there is none. */
    public Checkpoint checkpointOfSize(String field, long size) {
        return checkpoint(field, size);
    }

    /** The tree positions of the sealed records among these (a record not sealed yet is left out). */
    public Map<String, Long> positions(List<String> recordIds) {
        Map<String, Long> positions = new HashMap<>();
        for (int i = 0; i < recordIds.size(); i += POSITIONS_CHUNK) {
            store.leavesOfRecords(recordIds.subList(i, Math.min(recordIds.size(), i + POSITIONS_CHUNK)))
                    .forEach(leaf -> positions.put(leaf.recordId(), leaf.position()));
        }
        return positions;
    }

    private static final int POSITIONS_CHUNK = 500;

    /** An inclusion proof of a record (by record id or event id) in the tree of a checkpoint (latest if null). */
    public InclusionProof inclusionProof(String id, Long checkpointSize) {
        AuditStore.SealedLeaf leaf = store.leafOf(id).orElseThrow(() -> Rejection.notFound("recordId",
                "no sealed record or event '" + Text.clip(id) + "'; it does not exist or is still pending"));
        Checkpoint checkpoint = checkpoint("checkpoint", checkpointSize);
        if (leaf.position() >= checkpoint.treeSize()) {
            throw Rejection.conflict("checkpoint", "record '" + Text.clip(id) + "' is at position "
                    + leaf.position() + ", beyond checkpoint " + checkpoint.treeSize()
                    + "; ask again after the next checkpoint (POST /api/audit/checkpoints makes one)");
        }
        Merkle.Leaves leaves = leavesOf(checkpoint);
        List<byte[]> path = leaves.inclusionProof((int) leaf.position(), (int) checkpoint.treeSize());
        return new InclusionProof(leaf.recordId(), leaf.eventId(), leaf.position(), leaf.hash(), path, checkpoint);
    }

    /** A consistency proof between two checkpoints. */
    public ConsistencyProof consistencyProof(long from, long to) {
        if (from < 1) {
            throw Rejection.invalid("from", "from must be the tree size of a checkpoint, at least 1");
        }
        if (to < from) {
            throw Rejection.invalid("to", "to must not be smaller than from");
        }
        Checkpoint first = checkpoint("from", from);
        Checkpoint second = checkpoint("to", to);
        Merkle.Leaves leaves = leavesOf(second);
        if (!Arrays.equals(leaves.root(0, (int) from), first.rootHash())) {
            throw Rejection.conflict("from", "the sealed leaves no longer match checkpoint " + from
                    + "; run GET /api/audit/verify");
        }
        return new ConsistencyProof(first, second, leaves.consistencyProof((int) from, (int) to));
    }

    private Checkpoint checkpoint(String field, Long size) {
        if (size == null) {
            return store.latestCheckpoint().orElseThrow(() -> Rejection.notFound(field,
                    "there is no checkpoint yet; POST /api/audit/checkpoints makes one"));
        }
        return store.checkpoint(size).orElseThrow(() -> Rejection.notFound(field, "there is no checkpoint of"
                + " tree size " + size + "; GET /api/audit/checkpoints lists them"));
    }

    private Merkle.Leaves leavesOf(Checkpoint checkpoint) {
        Merkle.Leaves leaves = new Merkle.Leaves(store.leafHashes(checkpoint.treeSize()));
        if (leaves.size() != checkpoint.treeSize()
                || !Arrays.equals(leaves.root(0, leaves.size()), checkpoint.rootHash())) {
            throw Rejection.conflict("checkpoint", "the sealed leaves no longer match checkpoint "
                    + checkpoint.treeSize() + "; run GET /api/audit/verify");
        }
        return leaves;
    }

    /**
     * Writes the audit bundle: the events of the latest checkpoint's tree in canonical form, their sealed leaves,
     * every checkpoint up to it, the public key and a README. Streamed; nothing is held in memory.
     */
    public void writeBundle(OutputStream out) throws IOException {
        writeBundle(out, false);
    }

    /**
     * As {@link #writeBundle(OutputStream)}; with {@code withEvidence}, also every stored evidence file that the
     * bundle's events cite, as {@code evidence/<sha256>} (a cited file the store lacks is left out: the offline
     * verifier reports it as missing).
     */
    public void writeBundle(OutputStream out, boolean withEvidence) throws IOException {
        List<Checkpoint> checkpoints = store.checkpoints();
        long size = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(Bundle.README));
        zip.write(Bundle.readme(size, keys.fingerprint()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(Bundle.PUBLIC_KEY));
        zip.write(keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(Bundle.CHECKPOINTS));
        for (Checkpoint checkpoint : checkpoints) {
            zip.write((checkpoint.jsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(Bundle.LEAVES));
        try (Rows<AuditStore.SealedLeaf> leaves = store.leaves()) {
            for (long n = 0; n < size && leaves.hasNext(); n++) {
                AuditStore.SealedLeaf leaf = leaves.next();
                zip.write(Bundle.leafLine(leaf.hash(), leaf.eventId(), leaf.recordId())
                                  .getBytes(StandardCharsets.UTF_8));
            }
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(Bundle.EVENTS));
        Set<String> cited = new LinkedHashSet<>();
        try (Rows<AuditStore.StoredEvent> events = store.events()) {
            for (long n = 0; n < size && events.hasNext(); n++) {
                CanonicalEvent event = events.next().event();
                zip.write(event.canonicalBytes());
                zip.write('\n');
                if (withEvidence) {
                    cited.addAll(Bundle.citedEvidence(event.payload()));
                }
            }
        }
        zip.closeEntry();
        if (withEvidence) {
            zip.putNextEntry(new ZipEntry(Bundle.EVIDENCE));
            zip.closeEntry();
            for (String hash : cited) {
                Optional<EvidenceStore.Document> document = evidence.read(hash);
                if (document.isPresent()) {
                    zip.putNextEntry(new ZipEntry(Bundle.EVIDENCE + hash));
                    zip.write(document.get().content());
                    zip.closeEntry();
                }
            }
        }
        zip.finish();
    }


    /** The audit path of one leaf in the tree of a checkpoint (RFC 9162 section 2.1.3). */
    public record InclusionProof(String recordId, String eventId, long leafIndex, byte[] leafHash,
                                 List<byte[]> auditPath, Checkpoint checkpoint) {
    }

    /** That the tree of {@code from} is a prefix of the tree of {@code to} (RFC 9162 section 2.1.4). */
    public record ConsistencyProof(Checkpoint from, Checkpoint to, List<byte[]> proof) {
    }
}
