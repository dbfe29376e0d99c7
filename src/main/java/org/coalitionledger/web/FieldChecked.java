package org.coalitionledger.web;

/** A request record whose fields are checked one by one ({@link CheckedFields}). */
public interface FieldChecked {

    /** Runs every check of this request's own fields; a field taken from the path is checked where it is used. */
    void check(FieldChecks checks);
}
