/**
 * What keeps stored data safe and its loss visible: the data directory's file permissions
 * ({@link org.coalitionledger.storage.DataFilePermissions}), a database health check that answers within a bound
 * ({@link org.coalitionledger.storage.DatabaseHealth}) and the data directory's free space
 * ({@link org.coalitionledger.storage.FreeSpaceHealth}), both in the readiness group.
 */
package org.coalitionledger.storage;
