package org.coalitionledger.cluster;

import java.util.Collection;
import java.util.Map;

/**
 * How many segments of one projection a node keeps, given the segments, the live nodes and the segments each holds.
 * Every node may hold up to {@code ceil(segments / nodes)}; while a live node holds fewer than
 * {@code floor(segments / nodes)}, the others keep only that many, so that three nodes on four segments end up
 * holding two, one and one rather than two, two and none.
 */
record FairShare(int segments, int liveNodes, boolean someoneShort) {

    FairShare {
        if (segments < 0 || liveNodes < 1) {
            throw new IllegalArgumentException("segments " + segments + ", live nodes " + liveNodes);
        }
    }

    /**
     * @param live the live nodes, this one among them
     * @param held the segments each node holds, by node; nodes holding none may be missing
     */
    static FairShare of(int segments, Collection<String> live, Map<String, Integer> held) {
        int nodes = Math.max(1, live.size());
        int floor = segments / nodes;
        boolean anyShort = live.stream().anyMatch(node -> held.getOrDefault(node, 0) < floor);
        return new FairShare(segments, nodes, anyShort);
    }

    /** The segments a node keeps: beyond this many it gives segments away; at this many it claims no more. */
    int keep() {
        int floor = segments / liveNodes;
        int ceiling = (segments + liveNodes - 1) / liveNodes;
        return someoneShort ? floor : ceiling;
    }
}
