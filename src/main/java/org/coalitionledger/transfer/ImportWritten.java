package org.coalitionledger.transfer;

/**
 * An import was written (its events committed in one transaction, not published one by one on the event bus), with
 * how many lines: whatever follows the bus for live changes (open coalition pages) is told this way instead.
 */
public record ImportWritten(long lines) {
}
