/**
 * Evidence: source documents (a PDF, a saved page, a picture, a text) stored content-addressed by their SHA-256 in
 * the database, so that a citation can still be checked when its page is gone. A source or a review finding cites
 * them by hash; the hash is part of the event and so of its leaf in the audit tree (docs/audit.md, "Evidence").
 */
package org.coalitionledger.evidence;
