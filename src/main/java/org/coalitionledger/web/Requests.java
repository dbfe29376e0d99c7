package org.coalitionledger.web;

import jakarta.validation.Validation;
import java.time.Clock;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Rejection.FieldError;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validates a request body (as the API, a record form or an import line gives it) with Bean Validation and refuses
 * it with every field at fault at once, in the order the record declares its fields.
 */
@Component
public class Requests {

    private final Validator validator;

    /** Bean Validation whose clock ({@code ClockProvider}) is the application's, so "the future" can be moved. */
    public Requests(Clock clock) {
        this.validator = Validation.byDefaultProvider().configure().clockProvider(() -> clock)
                .buildValidatorFactory().getValidator();
    }

    /** The request itself when every field is in order; otherwise a {@link Rejection} naming each field at fault. */
    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<String> order = request.getClass().isRecord()
                ? Arrays.stream(request.getClass().getRecordComponents()).map(c -> c.getName()).toList()
                : List.of();
        throw Rejection.invalid(violations.stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparingInt((FieldError error) -> position(order, error.field()))
                                .thenComparing(FieldError::message))
                .toList());
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() ? null : path;
    }

    /** Where a field (or the record component it belongs to, for "source.url") stands in the record. */
    private static int position(List<String> order, String field) {
        if (field == null) {
            return -1;
        }
        int index = order.indexOf(field.split("[.\\[]", 2)[0]);
        return index < 0 ? order.size() : index;
    }
}
