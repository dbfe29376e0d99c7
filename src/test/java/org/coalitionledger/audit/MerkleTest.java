package org.coalitionledger.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Merkle tree against RFC 6962's test vectors and an independent recomputation. */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the Certificate Transparency test vectors (certificate-transparency-go, merkle tests). */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** Roots of the trees of the first 1..8 of those leaves. */
    private static final String[] CT_ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsMatchTheCertificateTransparencyTestVectors() {
        Merkle.Frontier tree = new Merkle.Frontier();
        for (int i = 0; i < CT_LEAVES.length; i++) {
            tree.append(Merkle.leafHash(HEX.parseHex(CT_LEAVES[i])));
            assertThat(Merkle.hex(tree.root())).as("tree of %d", i + 1).isEqualTo(CT_ROOTS[i]);
        }
        assertThat(Merkle.hex(new Merkle.Frontier().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void incrementalRootEqualsTheRecursiveDefinitionForEverySizeUpTo300() {
        List<byte[]> leaves = new ArrayList<>();
        Merkle.Frontier tree = new Merkle.Frontier();
        for (int n = 1; n <= 300; n++) {
            byte[] leaf = Rfc9162Verifier.leaf(("leaf " + n).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            tree.append(leaf);
            assertThat(tree.root()).as("size %d", n).isEqualTo(Rfc9162Verifier.naiveRoot(leaves));
            assertThat(tree.size()).isEqualTo(n);
        }
    }

    @Test
    void everyInclusionProofVerifiesIndependentlyAndAWrongOneDoesNot() {
        List<byte[]> hashes = leafHashes(40);
        Merkle.Leaves leaves = new Merkle.Leaves(concat(hashes));
        for (int n = 1; n <= 40; n++) {
            byte[] root = Rfc9162Verifier.naiveRoot(hashes.subList(0, n));
            assertThat(leaves.root(0, n)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = leaves.inclusionProof(m, n);
                assertThat(Rfc9162Verifier.inclusion(m, n, hashes.get(m), path, root))
                        .as("leaf %d of %d", m, n).isTrue();
                if (n > 1) {
                    assertThat(Rfc9162Verifier.inclusion(m, n, hashes.get((m + 1) % n), path, root))
                            .as("another leaf at %d of %d", m, n).isFalse();
                    assertThat(Rfc9162Verifier.inclusion((m + 1) % n, n, hashes.get(m), path, root))
                            .as("leaf %d of %d at the wrong index", m, n).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesIndependentlyAndATamperedOneDoesNot() {
        List<byte[]> hashes = leafHashes(24);
        Merkle.Leaves leaves = new Merkle.Leaves(concat(hashes));
        for (int n = 1; n <= 24; n++) {
            byte[] second = Rfc9162Verifier.naiveRoot(hashes.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = Rfc9162Verifier.naiveRoot(hashes.subList(0, m));
                List<byte[]> proof = leaves.consistencyProof(m, n);
                assertThat(Rfc9162Verifier.consistency(m, n, first, second, proof)).as("%d to %d", m, n).isTrue();
                if (m < n) {
                    List<byte[]> bad = new ArrayList<>(proof);
                    byte[] flipped = bad.get(0).clone();
                    flipped[0] ^= 1;
                    bad.set(0, flipped);
                    assertThat(Rfc9162Verifier.consistency(m, n, first, second, bad)).as("tampered %d to %d", m, n)
                            .isFalse();
                    byte[] otherFirst = Rfc9162Verifier.naiveRoot(hashes.subList(1, m + 1));
                    assertThat(Rfc9162Verifier.consistency(m, n, otherFirst, second, proof))
                            .as("another first tree %d to %d", m, n).isFalse();
                }
            }
        }
    }

    @Test
    void proofsAreThoseOfTheRfcExample() {
        // RFC 9162 2.1.5, in the names of its figure of seven leaves d0..d6: a..f and j (= d6) are leaves,
        // g = (a,b), h = (c,d), i = (e,f), k = (g,h), l = (i,j)
        List<byte[]> d = leafHashes(7);
        Merkle.Leaves leaves = new Merkle.Leaves(concat(d));
        byte[] g = Rfc9162Verifier.node(d.get(0), d.get(1));
        byte[] h = Rfc9162Verifier.node(d.get(2), d.get(3));
        byte[] i = Rfc9162Verifier.node(d.get(4), d.get(5));
        byte[] j = d.get(6);
        byte[] k = Rfc9162Verifier.node(g, h);
        byte[] l = Rfc9162Verifier.node(i, j);
        assertThat(leaves.consistencyProof(3, 7)).containsExactly(d.get(2), d.get(3), g, l);
        assertThat(leaves.consistencyProof(4, 7)).containsExactly(l);
        assertThat(leaves.consistencyProof(6, 7)).containsExactly(i, j, k);
        assertThat(leaves.inclusionProof(0, 7)).containsExactly(d.get(1), h, l);
        assertThat(leaves.inclusionProof(3, 7)).containsExactly(d.get(2), g, l);
        assertThat(leaves.inclusionProof(4, 7)).containsExactly(d.get(5), j, k);
        assertThat(leaves.inclusionProof(6, 7)).containsExactly(i, k);
    }

    private static List<byte[]> leafHashes(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(Rfc9162Verifier.leaf(new byte[]{(byte) i, (byte) (i * 7)}));
        }
        return hashes;
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] all = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, all, i * 32, 32);
        }
        return all;
    }
}
