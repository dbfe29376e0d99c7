/**
 * What keeps stored data safe and its loss visible: the data directory's file permissions
 * ({@link org.coalitionledger.storage.DataFilePermissions}), a database health check that answers within a bound
 * ({@link org.coalitionledger.storage.DatabaseHealth}) and the data directory's free space
 * ({@link org.coalitionledger.storage.FreeSpaceHealth}), both in the readiness group; and which failures are the
 * database's rather than a request's ({@link org.coalitionledger.storage.DatabaseFailures}), for the API and the
 * security filters to answer alike.
 */
package org.coalitionledger.storage;
