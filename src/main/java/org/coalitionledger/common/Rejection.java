package org.coalitionledger.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command or request the ledger refuses. It names the field at fault (or {@code null} when the whole request is
 * at fault) and why; a request with several fields at fault carries one {@link FieldError} for each. Nothing is
 * written when it is thrown. The web layer maps {@link Reason} to an HTTP status in one place.
 */
public class Rejection extends RuntimeException {

    public enum Reason {
        /** The input is malformed or out of bounds (HTTP 400). */
        INVALID,
        /** The coalition, agreement or record does not exist (HTTP 404). */
        NOT_FOUND,
        /** The act contradicts what the ledger already holds (HTTP 409). */
        CONFLICT,
        /** The caller may in general, but not this time: an auditor reviewing their own act (HTTP 403). */
        FORBIDDEN,
        /** The body's media type is not one the endpoint takes (HTTP 415). */
        UNSUPPORTED_TYPE
    }

    /** One field at fault and what is wrong with it; {@code field} is null when no single field is. */
    public record FieldError(String field, String message) {
    }

    private final Reason reason;
    private final String field;
    private final List<FieldError> errors;

    public Rejection(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
        this.errors = List.of(new FieldError(field, message));
    }

    private Rejection(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), null, false, false);
        this.reason = Reason.INVALID;
        this.field = errors.get(0).field();
        this.errors = List.copyOf(errors);
    }

    /** A request with one or more fields at fault, in the order given; the first names {@link #field()}. */
    public static Rejection invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
        return new Rejection(errors);
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection(Reason.INVALID, field, message);
    }

    public static Rejection notFound(String field, String message) {
        return new Rejection(Reason.NOT_FOUND, field, message);
    }

    /** No coalition (or agreement, …) has this id: "unknown coalition 'x'", naming the field, the id clipped. */
    public static Rejection unknown(String field, String id) {
        return notFound(field, "unknown " + field + " '" + Text.clip(id) + "'");
    }

    public static Rejection forbidden(String field, String message) {
        return new Rejection(Reason.FORBIDDEN, field, message);
    }

    public static Rejection unsupportedType(String field, String message) {
        return new Rejection(Reason.UNSUPPORTED_TYPE, field, message);
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

    /** Every field at fault: one entry unless the request was checked field by field. */
    public List<FieldError> errors() {
        return errors;
    }
}
