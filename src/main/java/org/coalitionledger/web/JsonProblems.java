package org.coalitionledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Jackson's complaints about a body into a rejection that names the field, without leaking class names: a
 * key given twice ({@link JsonInput}), a number where text belongs, a limit of the parser passed (said in the
 * user's terms, not as Jackson's {@code StreamReadConstraints}).
 */
public final class JsonProblems {

    /** How the message of a key given twice begins: such input is malformed, a 400 wherever it comes. */
    public static final String DUPLICATE_KEY = "duplicate key ";


    /** Jackson's words for a key given twice (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$", Pattern.DOTALL);
    /** Jackson's words for a passed limit: "exceeds the maximum allowed (1000, from `…getMaxNestingDepth()`)". */
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+), from `\\w+\\.getMax(\\w+)\\(\\)`");

    private JsonProblems() {
    }

    public static Rejection rejection(JsonProcessingException e) {
        Rejection duplicate = duplicateKey(e);
        if (duplicate != null) {
            return duplicate;
        }
        if (e instanceof StreamConstraintsException limit) {
            return Rejection.invalid(null, "the JSON goes past a limit of the ledger: " + limit(limit));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Rejection.invalid(field, "unknown field '" + Text.clip(field) + "'");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class
                && !path(format).isEmpty()) {
            String field = path(format);
            return Rejection.invalid(field, field + " must be a JSON string: write \""
                    + Text.clip(String.valueOf(format.getValue())) + "\", in quotes");
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

    /**
     * A key given twice in one object, named with the path of its object ({@code source.title}); null when the
     * problem is another. Databind may wrap the parser's complaint, so the causes are searched too.
     */
    private static Rejection duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
                if (duplicate.matches()) {
                    String key = duplicate.group(1);
                    JsonParser parser = parse.getProcessor();
                    String parent = parser == null ? "" : path(parser.getParsingContext().getParent());
                    return Rejection.invalid(parent.isEmpty() ? key : parent + "." + key, DUPLICATE_KEY + "\""
                            + Text.clip(key) + "\"" + (parent.isEmpty() ? "" : " in " + Text.clip(parent))
                            + ": each key may be given once in an object");
                }
            }
        }
        return null;
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst(at.getCurrentName());
            } else if (at.inArray()) {
                parts.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** What limit was passed, as a user would put it; Jackson's class and method names stay out. */
    private static String limit(StreamConstraintsException e) {
        Matcher limit = LIMIT.matcher(String.valueOf(e.getOriginalMessage()));
        if (!limit.find()) {
            return "the JSON is too long or too deeply nested";
        }
        String max = limit.group(1);
        return switch (limit.group(2)) {
            case "NestingDepth" -> "objects and arrays nested deeper than " + max + " levels";
            case "NumberLength" -> "a number longer than " + max + " digits";
            case "StringLength" -> "a string longer than " + max + " characters";
            case "NameLength" -> "a key longer than " + max + " characters";
            case "DocumentLength" -> "a document longer than " + max + " characters";
            case "TokenCount" -> "more than " + max + " values, keys and brackets";
            default -> "the JSON is too long or too deeply nested";
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
