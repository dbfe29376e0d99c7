/**
 * What keeps stored data safe and its loss visible: the data directory's file permissions
 * ({@link org.coalitionledger.storage.DataFilePermissions}) and a database health check that answers within a bound
 * ({@link org.coalitionledger.storage.DatabaseHealth}).
 */
package org.coalitionledger.storage;
