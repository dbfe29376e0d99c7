package org.coalitionledger.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 (RFC 9162 section 2.1) over SHA-256: a leaf hashes {@code 0x00 || data}, an inner node
 * {@code 0x01 || left || right}; a tree of n leaves splits at the largest power of two smaller than n. Proofs are
 * computed from the leaf hashes of the tree they refer to.
 */
public final class Merkle {

    public static final int HASH_SIZE = 32;
    private static final HexFormat HEX = HexFormat.of();

    private Merkle() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    public static byte[] leafHash(byte[] data) {
        return leafHash(sha256(), data);
    }

    public static byte[] leafHash(MessageDigest digest, byte[] data) {
        digest.reset();
        digest.update((byte) 0x00);
        return digest.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return nodeHash(sha256(), left, right);
    }

    public static byte[] nodeHash(MessageDigest digest, byte[] left, byte[] right) {
        digest.reset();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The right edge of a growing tree: the roots of its perfect subtrees, largest first. Appending a leaf merges
     * equal-sized subtrees as a binary counter does, so it costs O(log n); the root folds the edge from the right.
     */
    public static final class Frontier {

        private final MessageDigest digest = sha256();
        private final List<byte[]> roots = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            roots.add(leafHash);
            long merged = size;
            while ((merged & 1) == 1) {
                byte[] right = roots.remove(roots.size() - 1);
                byte[] left = roots.remove(roots.size() - 1);
                roots.add(nodeHash(digest, left, right));
                merged >>= 1;
            }
            size++;
        }

        public long size() {
            return size;
        }

        public Frontier copy() {
            Frontier copy = new Frontier();
            copy.roots.addAll(roots);
            copy.size = size;
            return copy;
        }

        public byte[] root() {
            if (roots.isEmpty()) {
                return emptyRoot();
            }
            byte[] hash = roots.get(roots.size() - 1);
            for (int i = roots.size() - 2; i >= 0; i--) {
                hash = nodeHash(digest, roots.get(i), hash);
            }
            return hash;
        }
    }

    /** Leaf hashes of a tree held in one array, 32 bytes each, with the proofs of RFC 9162 sections 2.1.3 and 2.1.4. */
    public static final class Leaves {

        private final byte[] hashes;
        private final int size;
        private final MessageDigest digest = sha256();

        public Leaves(byte[] hashes) {
            if (hashes.length % HASH_SIZE != 0) {
                throw new IllegalArgumentException("leaf hashes must be 32 bytes each");
            }
            this.hashes = hashes;
            this.size = hashes.length / HASH_SIZE;
        }

        public int size() {
            return size;
        }

        public byte[] leaf(int index) {
            return Arrays.copyOfRange(hashes, index * HASH_SIZE, (index + 1) * HASH_SIZE);
        }

        /** MTH(D[from:to]). */
        public byte[] root(int from, int to) {
            int n = to - from;
            if (n == 0) {
                return emptyRoot();
            }
            if (n == 1) {
                return leaf(from);
            }
            int k = (int) split(n);
            return nodeHash(digest, root(from, from + k), root(from + k, to));
        }

        /** PATH(m, D[0:n]): the audit path of leaf m in the tree of the first n leaves. */
        public List<byte[]> inclusionProof(int m, int n) {
            if (m < 0 || m >= n || n > size) {
                throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n);
            }
            List<byte[]> path = new ArrayList<>();
            path(m, 0, n, path);
            return path;
        }

        private void path(int m, int from, int to, List<byte[]> path) {
            int n = to - from;
            if (n == 1) {
                return;
            }
            int k = (int) split(n);
            if (m < k) {
                path(m, from, from + k, path);
                path.add(root(from + k, to));
            } else {
                path(m - k, from + k, to, path);
                path.add(root(from, from + k));
            }
        }

        /** PROOF(m, D[0:n]): that the tree of the first m leaves is a prefix of the tree of the first n. */
        public List<byte[]> consistencyProof(int m, int n) {
            if (m < 0 || m > n || n > size) {
                throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
            }
            List<byte[]> proof = new ArrayList<>();
            if (m > 0 && m < n) {
                subproof(m, 0, n, true, proof);
            }
            return proof;
        }

        private void subproof(int m, int from, int to, boolean complete, List<byte[]> proof) {
            int n = to - from;
            if (m == n) {
                if (!complete) {
                    proof.add(root(from, to));
                }
                return;
            }
            int k = (int) split(n);
            if (m <= k) {
                subproof(m, from, from + k, complete, proof);
                proof.add(root(from + k, to));
            } else {
                subproof(m - k, from + k, to, false, proof);
                proof.add(root(from, from + k));
            }
        }
    }
}
