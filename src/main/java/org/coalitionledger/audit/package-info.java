/**
 * The tamper-evident audit of the event store: an RFC 6962 Merkle tree over the canonical form of every stored
 * event ({@link org.coalitionledger.audit.CanonicalEvent}, {@link org.coalitionledger.audit.Merkle}), sealed in
 * global-index order by {@link org.coalitionledger.audit.AuditSealer}, Ed25519-signed checkpoints
 * ({@link org.coalitionledger.audit.Checkpoint}, {@link org.coalitionledger.audit.AuditKeys}), verification of the
 * live database and of an audit bundle with the same code ({@link org.coalitionledger.audit.Verification},
 * {@link org.coalitionledger.audit.BundleVerifier}), proofs, the bundle and the audit report. See docs/audit.md.
 */
package org.coalitionledger.audit;
