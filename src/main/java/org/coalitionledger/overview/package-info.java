/**
 * Read-only answers that bring several features together: one coalition with its agreements, one state across the
 * ledger. They ask each feature's queries through the query gateway and own no data.
 */
package org.coalitionledger.overview;
