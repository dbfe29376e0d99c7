package org.coalitionledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;

import java.util.stream.Collectors;

/** Turns Jackson's complaints about a body into a rejection that names the field, without leaking class names. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static Rejection rejection(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Rejection.invalid(field, "unknown field '" + Text.clip(field) + "'");
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            return Rejection.invalid(field.isEmpty() ? null : field,
                                     (field.isEmpty() ? "the body" : field) + " has the wrong type or shape");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return Rejection.invalid(field, field + " could not be read");
        }
        return Rejection.invalid(null, "malformed JSON: " + Text.clip(e.getOriginalMessage()));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
