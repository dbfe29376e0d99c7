package org.coalitionledger.common;

/**
 * A command or request the ledger refuses. It names the field at fault (or {@code null} when the whole request is
 * at fault) and why. Nothing is written when it is thrown. The web layer maps {@link Reason} to an HTTP status in
 * one place.
 */
public class Rejection extends RuntimeException {

    public enum Reason {
        /** The input is malformed or out of bounds (HTTP 400). */
        INVALID,
        /** The coalition, agreement or record does not exist (HTTP 404). */
        NOT_FOUND,
        /** The act contradicts what the ledger already holds (HTTP 409). */
        CONFLICT
    }

    private final Reason reason;
    private final String field;

    public Rejection(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection(Reason.INVALID, field, message);
    }

    public static Rejection notFound(String field, String message) {
        return new Rejection(Reason.NOT_FOUND, field, message);
    }

    public static Rejection conflict(String field, String message) {
        return new Rejection(Reason.CONFLICT, field, message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
