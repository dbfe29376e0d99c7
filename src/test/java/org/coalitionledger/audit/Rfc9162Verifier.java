package org.coalitionledger.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * An independent check of proofs, written from the verification algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2
 * (bit operations on the leaf index and tree size), sharing no code with {@link Merkle}.
 */
public final class Rfc9162Verifier {

    private Rfc9162Verifier() {
    }

    public static byte[] node(byte[] left, byte[] right) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new byte[]{1});
            sha.update(left);
            sha.update(right);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] leaf(byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new byte[]{0});
            sha.update(data);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 9162 2.1.3.2: verifying an inclusion proof. */
    public static boolean inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: verifying a consistency proof. */
    public static boolean consistency(long first, long second, byte[] firstHash, byte[] secondHash,
                                      List<byte[]> proof) {
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        if (first == 0 || first > second || proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new java.util.ArrayList<>(proof);
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        if ((fn & 1) == 1) {
            while ((fn & 1) == 1) {
                fn >>= 1;
                sn >>= 1;
            }
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
    }

    /** MTH by the recursive definition of RFC 9162 2.1.1, over leaf hashes. */
    public static byte[] naiveRoot(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            try {
                return MessageDigest.getInstance("SHA-256").digest();
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return node(naiveRoot(leafHashes.subList(0, k)), naiveRoot(leafHashes.subList(k, n)));
    }
}
