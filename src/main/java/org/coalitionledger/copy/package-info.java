/**
 * Moving a ledger from the embedded H2 file to PostgreSQL: {@code copy-to-postgres}, a command of the same jar that
 * runs before (and instead of) the application.
 */
package org.coalitionledger.copy;
