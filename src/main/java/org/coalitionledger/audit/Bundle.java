package org.coalitionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** The layout of the audit bundle (a zip) and its README for auditors. */
final class Bundle {

    static final String README = "README.txt";
    static final String PUBLIC_KEY = "public-key.pem";
    static final String CHECKPOINTS = "checkpoints.jsonl";
    static final String LEAVES = "leaves.jsonl";
    static final String EVENTS = "events.jsonl";
    /** The folder of evidence files, each named by its SHA-256; present only in a bundle made with evidence. */
    static final String EVIDENCE = "evidence/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundle() {
    }

    /**
     * The evidence hashes an event's payload cites: every string in an array named {@code evidence}, at any depth
     * (a source's, a review finding's), in order of appearance.
     */
    static Set<String> citedEvidence(byte[] payload) {
        Set<String> cited = new LinkedHashSet<>();
        if (payload == null || !new String(payload, StandardCharsets.UTF_8).contains("\"evidence\"")) {
            return cited;
        }
        try {
            collect(JSON.readTree(payload), cited);
        } catch (IOException e) {
            // not JSON: cites nothing
        }
        return cited;
    }

    private static void collect(JsonNode node, Set<String> cited) {
        if (node == null) {
            return;
        }
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("evidence") && field.getValue().isArray()) {
                field.getValue().forEach(hash -> {
                    if (hash.isTextual()) {
                        cited.add(hash.asText());
                    }
                });
            } else {
                collect(field.getValue(), cited);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collect(element, cited));
        }
    }

    /** One line of leaves.jsonl: the sealed leaf hash at this position and the ids it was sealed for. */
    static String leafLine(byte[] hash, String eventId, String recordId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("leafHash", Merkle.hex(hash));
        line.put("eventId", eventId);
        line.put("recordId", recordId);
        return line + "\n";
    }

    static Verification.Leaf parseLeaf(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        byte[] hash = Merkle.unhex(node.get("leafHash").asText());
        if (hash.length != Merkle.HASH_SIZE) {
            throw new IOException("a leaf hash has 32 bytes");
        }
        JsonNode recordId = node.get("recordId");
        return new Verification.Leaf(hash, node.get("eventId").asText(),
                                     recordId == null || recordId.isNull() ? null : recordId.asText());
    }

    static Checkpoint parseCheckpoint(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        return new Checkpoint(node.get("treeSize").asLong(), Merkle.unhex(node.get("rootHash").asText()),
                              Checkpoint.parseTime(node.get("createdAt").asText()),
                              java.util.Base64.getDecoder().decode(node.get("signature").asText()));
    }

    static String readme(long treeSize, String fingerprint) {
        return """
                Coalition Ledger audit bundle
                =============================

                This bundle holds the first %d events of the ledger (the tree of its latest checkpoint) and lets
                anyone check, without the ledger's database or any network, that they are exactly the events the
                ledger sealed and signed. docs/audit.md of the ledger defines every format below.

                  events.jsonl       one event per line in tree order, in canonical form (RFC 8785 JSON: members
                                     sorted, no whitespace; payload and metaData are the stored bytes in base64)
                  leaves.jsonl       the sealed leaf hash of each position, with its event id and record id
                  checkpoints.jsonl  signed checkpoints: treeSize, rootHash (hex), createdAt, signature (base64)
                  public-key.pem     the ledger's Ed25519 public key (X.509 SubjectPublicKeyInfo)
                  evidence/          (only when asked for with evidence=true) every evidence file the events
                                     cite, named by its SHA-256: sha256sum evidence/* shows each name again

                Compare the public key with the one the ledger's operator published elsewhere. Its SHA-256
                fingerprint (of the DER bytes) is
                  %s

                With the ledger's jar:
                  java -jar coalition-ledger.jar verify-bundle bundle.zip
                exits 0 and prints a summary when everything matches, 1 naming the first bad record or checkpoint,
                2 when the bundle cannot be read.

                By hand:
                  1. The leaf hash of line i of events.jsonl (0-based, without its newline) is
                     SHA-256(0x00 || line bytes), e.g.
                       (printf '\\000'; sed -n '1p' events.jsonl | tr -d '\\n') | sha256sum
                     It must equal leafHash on line i of leaves.jsonl.
                  2. Build the RFC 6962 Merkle tree over the leaf hashes: node = SHA-256(0x01 || left || right); a
                     tree of n > 1 leaves splits at the largest power of two smaller than n.
                  3. For each checkpoint, the root of the first treeSize leaves must equal rootHash, and the
                     Ed25519 signature must verify over the UTF-8 text
                       "coalition-ledger checkpoint v1\\n" + treeSize + "\\n" + rootHash + "\\n" + createdAt + "\\n"
                     with the public key.
                """.formatted(treeSize, fingerprint);
    }
}
