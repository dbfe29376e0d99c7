/**
 * Several nodes on one database: each node's identity (the owner of its token claims), its heartbeat in
 * {@code ledger_node}, and the balancer that hands projection segments over so that every live node processes its
 * share. Axon Server would do this balancing; without it the nodes agree through the database.
 */
package org.coalitionledger.cluster;
