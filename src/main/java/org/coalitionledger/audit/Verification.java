package org.coalitionledger.audit;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks events against the sealed tree and the signed checkpoints, the same way on the live database
 * ({@link AuditService#verify()}) and on an audit bundle ({@link BundleVerifier}). The events are walked in tree
 * order next to the sealed leaves: each event's leaf hash is recomputed and compared with the sealed leaf at its
 * position, and both the recomputed hashes and the sealed hashes are folded into trees whose roots are compared with
 * the signed root of every checkpoint. Events beyond the sealed leaves are pending. Nothing is held in memory but
 * the two right edges of the trees.
 */
public final class Verification {

    /** An event as verification sees it: its id, its record id (for reports) and its canonical bytes. */
    public interface Entry {
        String eventId();

        String recordId();

        byte[] canonicalBytes();

        /** SHA-256(0x00 || canonical bytes). */
        default byte[] leafHash(MessageDigest digest) {
            return Merkle.leafHash(digest, canonicalBytes());
        }
    }

    /**
     * What a sealed leaf records: its hash, and which event and record it was made from (null when read by hash
     * alone; then {@link Lookup#sealedLeaf} tells).
     */
    public record Leaf(byte[] hash, String eventId, String recordId) {
    }

    /** Answers, when a position does not match, where the ids involved are found. */
    public interface Lookup {
        /** Whether an event with this id is anywhere among the events. */
        boolean inEvents(String eventId);

        /** Whether a sealed leaf was made from an event with this id. */
        boolean inLeaves(String eventId);

        /**
         * The sealed leaf at a position with its ids, asked only when its hash does not match (the leaves are read
         * by hash alone); null when unknown.
         */
        default Leaf sealedLeaf(long position) {
            return null;
        }
    }

    public enum Kind {
        /** The event at this position has the sealed event id but different content. */
        MODIFIED,
        /** The event sealed at this position is gone from the event store. */
        DELETED,
        /** An event that was never sealed sits inside the sealed range. */
        INSERTED,
        /** The event sealed here is still present, but at another position. */
        REORDERED,
        /** The event matches the signed checkpoint but the audit_leaf row does not: the audit table was altered. */
        LEAF_ALTERED,
        /** The records up to a checkpoint no longer hash to its signed root, though events and leaves agree. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the public key. */
        BAD_SIGNATURE,
        /** A checkpoint covers more leaves than the tree holds. */
        CHECKPOINT_BEYOND_TREE;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** The first thing found wrong, at the first position it affects (0-based, in tree order). */
    public record Problem(long position, Kind kind, String recordId, String eventId, Long checkpoint,
                          String detail) {
    }

    /**
     * The outcome. {@code checkedRecords} sealed positions were compared; {@code pending} events are not sealed
     * yet; {@code verifiedCheckpoints} of the checkpoints matched, up to tree size {@code verifiedThrough}.
     */
    public record Result(long checkedRecords, long pending, long sealed, Checkpoint latestCheckpoint,
                         int checkpoints, int verifiedCheckpoints, long verifiedThrough, Problem firstProblem) {

        public boolean ok() {
            return firstProblem == null;
        }
    }

    private Verification() {
    }

    public static Result run(Iterator<? extends Entry> events, Iterator<Leaf> leaves, List<Checkpoint> checkpoints,
                             PublicKey key, Lookup lookup) {
        return run(events, leaves, checkpoints, checkpoint -> checkpoint.signatureValid(key), lookup);
    }

    /** As above, with the signature check given (the live ledger checks them ahead, on another thread). */
    public static Result run(Iterator<? extends Entry> events, Iterator<Leaf> leaves, List<Checkpoint> checkpoints,
                             Predicate<Checkpoint> signatureValid, Lookup lookup) {
        MessageDigest digest = Merkle.sha256();
        Merkle.Frontier eventTree = new Merkle.Frontier();
        Merkle.Frontier leafTree = eventTree; // one tree while the sealed and recomputed hashes agree
        Problem positionProblem = null;
        Problem checkpointProblem = null;
        int verified = 0;
        long verifiedThrough = 0;
        int next = 0;
        long position = 0;
        long previousSize = 0;
        while (leaves.hasNext()) {
            Leaf leaf = leaves.next();
            Entry event = events.hasNext() ? events.next() : null;
            byte[] hash = event == null ? null : event.leafHash(digest);
            if (positionProblem == null) {
                positionProblem = compare(position, event, hash, leaf, lookup);
            }
            if (leafTree == eventTree && (hash == null || !Arrays.equals(hash, leaf.hash()))) {
                leafTree = eventTree.copy(); // the trees part here; until now the sealed hashes were the recomputed
            }
            if (hash != null) {
                eventTree.append(hash);
            }
            if (leafTree != eventTree) {
                leafTree.append(leaf.hash());
            }
            position++;
            while (next < checkpoints.size() && checkpoints.get(next).treeSize() == position) {
                Checkpoint checkpoint = checkpoints.get(next++);
                Problem problem = check(checkpoint, previousSize, eventTree, leafTree, signatureValid,
                                        positionProblem);
                if (problem == null && checkpointProblem == null && positionProblem == null) {
                    verified++;
                    verifiedThrough = checkpoint.treeSize();
                } else if (problem != null && checkpointProblem == null) {
                    checkpointProblem = problem;
                }
                previousSize = checkpoint.treeSize();
            }
        }
        long sealed = position;
        if (next < checkpoints.size() && checkpointProblem == null) {
            Checkpoint beyond = checkpoints.get(next);
            checkpointProblem = new Problem(sealed, Kind.CHECKPOINT_BEYOND_TREE, null, null, beyond.treeSize(),
                                            "checkpoint " + beyond.treeSize() + " covers more leaves than the "
                                                    + sealed + " sealed; audit_leaf rows were removed");
        }
        long pending = 0;
        while (events.hasNext()) {
            events.next();
            pending++;
        }
        Problem first = earliest(positionProblem, checkpointProblem);
        Checkpoint latest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        return new Result(sealed, pending, sealed, latest, checkpoints.size(), verified, verifiedThrough, first);
    }

    private static Problem compare(long position, Entry event, byte[] hash, Leaf sealed, Lookup lookup) {
        if (hash != null && Arrays.equals(hash, sealed.hash())) {
            return null; // the hash covers the event id: equal hashes, same event
        }
        Leaf leaf = sealed;
        if (leaf.eventId() == null) {
            Leaf found = lookup.sealedLeaf(position);
            leaf = found == null ? sealed : new Leaf(sealed.hash(), found.eventId(), found.recordId());
        }
        if (leaf.eventId() == null) {
            return new Problem(position, Kind.LEAF_ALTERED, null, event == null ? null : event.eventId(), null,
                               "the sealed leaf at this position is unreadable");
        }
        if (event != null && event.eventId() != null && event.eventId().equals(leaf.eventId())) {
            if (Arrays.equals(hash, leaf.hash())) {
                return null;
            }
            return new Problem(position, Kind.MODIFIED, leaf.recordId(), leaf.eventId(), null,
                               "the stored event no longer has the content it was sealed with (leaf hash "
                                       + Merkle.hex(leaf.hash()) + ", now " + Merkle.hex(hash) + ")");
        }
        if (event != null && event.eventId() == null) {
            return new Problem(position, Kind.MODIFIED, leaf.recordId(), leaf.eventId(), null,
                               "the record here is not an event in canonical form; event " + leaf.eventId()
                                       + " was sealed here");
        }
        if (event == null) {
            return new Problem(position, lookup.inEvents(leaf.eventId()) ? Kind.REORDERED : Kind.DELETED,
                               leaf.recordId(), leaf.eventId(), null,
                               "the event store ends before the sealed event " + leaf.eventId());
        }
        if (!lookup.inLeaves(event.eventId())) {
            return new Problem(position, Kind.INSERTED, event.recordId(), event.eventId(), null,
                               "event " + event.eventId() + " was never sealed, yet it sits where event "
                                       + leaf.eventId() + " was sealed");
        }
        if (!lookup.inEvents(leaf.eventId())) {
            return new Problem(position, Kind.DELETED, leaf.recordId(), leaf.eventId(), null,
                               "event " + leaf.eventId() + " sealed here is gone; found event "
                                       + event.eventId() + " instead");
        }
        return new Problem(position, Kind.REORDERED, leaf.recordId(), leaf.eventId(), null,
                           "event " + leaf.eventId() + " sealed here is found elsewhere; here is event "
                                   + event.eventId() + ", sealed at another position");
    }

    private static Problem check(Checkpoint checkpoint, long previousSize, Merkle.Frontier eventTree,
                                 Merkle.Frontier leafTree, Predicate<Checkpoint> signatureValid,
                                 Problem positionProblem) {
        long size = checkpoint.treeSize();
        if (!signatureValid.test(checkpoint)) {
            return new Problem(previousSize, Kind.BAD_SIGNATURE, null, null, size,
                               "the signature of checkpoint " + size + " does not verify with the public key");
        }
        boolean eventsMatch = eventTree.size() == size && Arrays.equals(eventTree.root(), checkpoint.rootHash());
        boolean leavesMatch = Arrays.equals(leafTree.root(), checkpoint.rootHash());
        if (eventsMatch && leavesMatch) {
            return null;
        }
        if (eventsMatch && positionProblem != null && positionProblem.position() < size) {
            return new Problem(positionProblem.position(), Kind.LEAF_ALTERED, positionProblem.recordId(),
                               positionProblem.eventId(), size,
                               "the event matches signed checkpoint " + size + " but its audit_leaf row does"
                                       + " not: the audit table was altered");
        }
        if (positionProblem != null && positionProblem.position() < size) {
            return null; // the event problem found at that position explains the mismatch
        }
        return new Problem(previousSize, Kind.CHECKPOINT_MISMATCH, null, null, size,
                           "the records at positions " + previousSize + " to " + (size - 1)
                                   + " no longer hash to the root signed in checkpoint " + size
                                   + (eventsMatch ? "" : "; events and audit_leaf rows were changed alike"));
    }

    private static Problem earliest(Problem position, Problem checkpoint) {
        if (checkpoint != null && checkpoint.kind() == Kind.LEAF_ALTERED) {
            return checkpoint;
        }
        if (position == null) {
            return checkpoint;
        }
        if (checkpoint == null || position.position() <= checkpoint.position()) {
            return position;
        }
        return checkpoint;
    }
}
