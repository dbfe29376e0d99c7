package org.coalitionledger.recording;

import java.util.List;

/**
 * A feature's contribution to the catalogue of acts: the body of each act it records. Each feature's {@code web}
 * package has one such bean next to its request records; the import and the record forms read them all.
 */
public interface ActBodies {

    List<ActBody<?>> bodies();
}
