package org.coalitionledger.web;

import org.coalitionledger.common.Rejection.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.BodyLimitFilter.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error of the API as an RFC 9457 problem detail that names the field at fault. This is the one place that
 * maps a rejection to an HTTP status. Nothing internal (stack traces, SQL, class names) reaches a response.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejected(Rejection rejection) {
        return problem(RejectionStatus.of(rejection), rejection.field(), rejection.getMessage(), rejection.errors());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        String id = Text.clip(String.valueOf(e.getAggregateIdentifier()));
        return problem(HttpStatus.NOT_FOUND, null, "unknown id '" + id + "'");
    }

    /**
     * Two writers appended to the same coalition or agreement at once (two nodes, or an import and a node): the
     * event store's unique (aggregate, sequence number) key let one of them win. Axon reports the loser as a
     * {@link ConcurrencyException}, or as an {@link AggregateStreamCreationException} when both created the same id.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrent(Exception e) {
        log.info("Concurrent write refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, null, "another act was recorded on the same coalition or agreement at"
                + " the same moment, or the id is already taken; nothing was written, check and retry");
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, null, e.getMessage() + "; nothing was written");
    }

    /** A command failure that reaches us wrapped (by Axon's gateway or a distributed bus) is answered as its cause. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof Rejection rejection) {
                return rejected(rejection);
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return concurrent((Exception) cause);
            }
        }
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        String value = Text.clip(String.valueOf(e.getValue()));
        return problem(HttpStatus.BAD_REQUEST, e.getName(),
                       e.getName() + " '" + value + "' is not valid" + expected(e.getRequiredType()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        Optional<ResponseEntity<Object>> unavailable = Unavailable.answer(e);
        if (unavailable.isPresent()) {
            log.warn("Request refused ({}): {}", unavailable.get().getStatusCode(), e.toString());
            return unavailable.get();
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, null, "the ledger could not complete the request;"
                + " nothing was written");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonProcessingException json) {
            return rejected(JsonProblems.rejection(json));
        }
        if (cause instanceof Rejection rejection) {
            return rejected(rejection);
        }
        return problem(HttpStatus.BAD_REQUEST, null, "the body is missing or is not readable JSON");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getParameterName(), e.getParameterName() + " is required");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String field, String message) {
        return problem(status, field, message, List.of(new FieldError(field, message)));
    }

    /** A problem detail: {@code field} names the first field at fault, {@code errors} every one. */
    static ResponseEntity<Object> problem(HttpStatus status, String field, String message,
                                          List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("field", field);
        }
        problem.setProperty("errors", errors.stream()
                .map(error -> error.field() == null ? Map.of("message", error.message())
                                                    : Map.of("field", error.field(), "message", error.message()))
                .toList());
        return ResponseEntity.status(status).body(problem);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> ": expected a date YYYY-MM-DD";
            case "Instant" -> ": expected an instant such as 2024-02-01T12:00:00Z";
            case "Period" -> ": expected an ISO-8601 period such as P90D";
            case "Integer", "Long", "int", "long" -> ": expected a whole number";
            case "Boolean", "boolean" -> ": expected true or false";
            default -> "";
        };
    }
}
