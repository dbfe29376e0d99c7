package org.coalitionledger.cluster;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name under which this node claims projection segments in {@code token_entry.owner} and says it is alive in
 * {@code ledger_node}. Every node on one database needs its own; by default it is Axon's choice (process id and
 * host name) with a random suffix, so that two nodes in one process, or a restarted process that got the same pid,
 * never mistake each other's claims for their own.
 */
public record NodeIdentity(String value) {

    public NodeIdentity {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException("ledger.node-id must be 1 to 255 characters");
        }
    }

    /** The configured id, or a generated one if none is configured. */
    public static NodeIdentity of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new NodeIdentity(configured.strip());
        }
        String process = ManagementFactory.getRuntimeMXBean().getName();
        return new NodeIdentity(process + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
