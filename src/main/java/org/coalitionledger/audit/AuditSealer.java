package org.coalitionledger.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Appends stored events to the Merkle tree, strictly in global-index order, and signs checkpoints. Runs every
 * {@code ledger.audit.seal-interval} and on demand. It seals only an unbroken run of global indexes: a missing index
 * may belong to a transaction that is still committing, so sealing stops there until the index shows up or has
 * been missing for {@code ledger.audit.gap-timeout} (then it was rolled back and is skipped for good). The right
 * edge of the tree is kept in memory, so a leaf costs O(log n); it is rebuilt from {@code audit_leaf} on start.
 * One node seals; a second one would fail on the primary key of {@code audit_leaf} and start over.
 */
@Component
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 2_000;

    private final AuditStore store;
    private final AuditKeys keys;
    private final TransactionTemplate transactions;
    private final long checkpointEvery;
    private final Duration checkpointAfter;
    private final Duration gapTimeout;
    private final Clock clock;
    private final SealingWatch watch;
    private final MessageDigest digest = Merkle.sha256();
    /** Leaves this node appended since it started, for the {@code ledger.audit.sealed} counter. */
    private final java.util.concurrent.atomic.AtomicLong sealedHere = new java.util.concurrent.atomic.AtomicLong();

    private Merkle.Frontier frontier;
    private long lastGlobalIndex;
    private Instant latestCheckpointAt;
    private long latestCheckpointSize;
    private long gapAfter = -1;
    private Instant gapSeenAt;

    AuditSealer(AuditStore store, AuditKeys keys, PlatformTransactionManager transactionManager, Clock clock,
                SealingWatch watch,
                @Value("${ledger.audit.checkpoint-every:1000}") long checkpointEvery,
                @Value("${ledger.audit.checkpoint-after:PT10S}") Duration checkpointAfter,
                @Value("${ledger.audit.gap-timeout:PT1M}") Duration gapTimeout) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("ledger.audit.checkpoint-every must be at least 1");
        }
        this.store = store;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.checkpointEvery = checkpointEvery;
        this.checkpointAfter = checkpointAfter;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.seal-interval:PT1S}",
               initialDelayString = "${ledger.audit.seal-interval:PT1S}")
    void sealRegularly() {
        if (foreignKey) {
            watch.passFailed(FOREIGN_KEY);
            return;
        }
        try {
            seal(false);
        } catch (ForeignKeyException e) {
            log.error("{} This node does not seal until it is restarted with that key.", e.getMessage());
        } catch (DuplicateKeyException e) {
            // another node sealed the same positions first (several nodes on one database): nothing is wrong
            log.info("Another node sealed these events first; sealing starts over from the audit tables");
        } catch (RuntimeException e) {
            log.warn("Sealing failed; it starts over from the audit tables on the next pass", e);
        }
    }

    private static final String FOREIGN_KEY = "the latest checkpoint was not signed by this node's checkpoint key";

    /** Set when the checkpoints were signed with another key than this node's: it must not sign any more. */
    private volatile boolean foreignKey;

    /** The latest checkpoint does not verify with this node's public key. */
    static final class ForeignKeyException extends IllegalStateException {
        ForeignKeyException(String message) {
            super(message);
        }
    }

    /** How many events this node has sealed since it started. */
    long sealedHere() {
        return sealedHere.get();
    }

    /** Seals what can be sealed now; with {@code checkpoint}, signs a checkpoint of the tree as it then stands. */
    public synchronized Optional<Checkpoint> seal(boolean checkpoint) {
        try {
            if (frontier == null) {
                load();
            }
            boolean more = true;
            while (more) {
                more = sealBatch();
            }
            long size = frontier.size();
            boolean due = size > latestCheckpointSize && (checkpoint || latestCheckpointAt == null
                    || !clock.instant().isBefore(latestCheckpointAt.plus(checkpointAfter)));
            if (due) {
                Checkpoint made = Checkpoint.sign(size, frontier.root(), clock.instant(), keys.privateKey());
                transactions.executeWithoutResult(status -> store.insertCheckpoint(made));
                latestCheckpointSize = size;
                latestCheckpointAt = made.createdAt();
            }
            Optional<Checkpoint> latest = store.latestCheckpoint();
            watch.passCompleted();
            return latest;
        } catch (RuntimeException e) {
            frontier = null;
            if (e instanceof ForeignKeyException) {
                watch.passFailed(FOREIGN_KEY);
            } else if (!(e instanceof DuplicateKeyException)) {
                // a duplicate key is another node that sealed the same events first: this node starts over from
                // the audit tables on its next pass, and nothing is left unsealed
                watch.passFailed("the latest sealing pass failed (the log says why)");
            }
            throw e;
        }
    }

    private void load() {
        Merkle.Frontier loaded = new Merkle.Frontier();
        try (Rows<AuditStore.SealedLeaf> leaves = store.leaves()) {
            long expected = 0;
            while (leaves.hasNext()) {
                AuditStore.SealedLeaf leaf = leaves.next();
                if (leaf.position() != expected++) {
                    throw new IllegalStateException("audit_leaf has no row at position " + (expected - 1)
                            + "; run GET /api/audit/verify");
                }
                loaded.append(leaf.hash());
            }
        }
        frontier = loaded;
        lastGlobalIndex = store.lastSealedGlobalIndex();
        Optional<Checkpoint> latest = store.latestCheckpoint();
        if (latest.isPresent() && !latest.get().signatureValid(keys.publicKey())) {
            // another node (or an earlier key) signed the checkpoints: signing with this key would leave a ledger
            // whose checkpoints no single public key verifies
            foreignKey = true;
            throw new ForeignKeyException("The latest checkpoint (tree size " + latest.get().treeSize() + ") was not"
                    + " signed by this node's checkpoint key (fingerprint " + keys.fingerprint() + "). Every node"
                    + " must use the same key pair: copy the ledger's " + AuditKeys.PRIVATE_FILE + " and "
                    + AuditKeys.PUBLIC_FILE + " into ledger.audit.key-dir (docs/operations.md).");
        }
        latestCheckpointSize = latest.map(Checkpoint::treeSize).orElse(0L);
        latestCheckpointAt = latest.map(Checkpoint::createdAt).orElse(null);
    }

    /** Seals up to one batch; answers whether there may be more. */
    private boolean sealBatch() {
        List<AuditStore.StoredEvent> events = store.eventsAfter(lastGlobalIndex, BATCH);
        List<AuditStore.SealedLeaf> leaves = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        Merkle.Frontier tree = frontier;
        long last = lastGlobalIndex;
        boolean stoppedAtGap = false;
        for (AuditStore.StoredEvent stored : events) {
            if (stored.globalIndex() != last + 1 && !gapClosed(last, stored.globalIndex())) {
                stoppedAtGap = true;
                break;
            }
            CanonicalEvent event = stored.event();
            byte[] hash = Merkle.leafHash(digest, event.canonicalBytes());
            leaves.add(new AuditStore.SealedLeaf(tree.size(), stored.globalIndex(), event.eventId(),
                                                 event.recordId(), hash));
            tree.append(hash);
            last = stored.globalIndex();
            if (tree.size() % checkpointEvery == 0) {
                checkpoints.add(Checkpoint.sign(tree.size(), tree.root(), clock.instant(), keys.privateKey()));
            }
        }
        if (leaves.isEmpty()) {
            return false;
        }
        transactions.executeWithoutResult(status -> {
            store.insertLeaves(leaves);
            checkpoints.forEach(store::insertCheckpoint);
        });
        sealedHere.addAndGet(leaves.size());
        lastGlobalIndex = last;
        if (!checkpoints.isEmpty()) {
            Checkpoint latest = checkpoints.get(checkpoints.size() - 1);
            latestCheckpointSize = latest.treeSize();
            latestCheckpointAt = latest.createdAt();
        }
        return !stoppedAtGap && events.size() == BATCH;
    }

    /** Whether the indexes between {@code last} and {@code next} have been missing long enough to skip them. */
    private boolean gapClosed(long last, long next) {
        Instant now = clock.instant();
        if (gapAfter != last) {
            gapAfter = last;
            gapSeenAt = now;
        }
        if (now.isBefore(gapSeenAt.plus(gapTimeout))) {
            return false;
        }
        log.warn("Global indexes {} to {} of the event store stayed missing for {}; sealing goes on without them",
                 last + 1, next - 1, gapTimeout);
        gapAfter = -1;
        return true;
    }
}
