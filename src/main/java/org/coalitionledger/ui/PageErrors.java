package org.coalitionledger.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.web.RejectionStatus;
import org.coalitionledger.web.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import java.util.Optional;

/**
 * Errors on pages are answered with a page, not a problem detail: an unknown coalition with 404, a malformed
 * request with 400, an unreachable database with 503 and a full disk with 507 (as the API says them), and anything
 * unexpected with 500 and nothing of the implementation.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(Rejection.class)
    String rejected(Rejection rejection, Model model, HttpServletResponse response) {
        int status = RejectionStatus.of(rejection).value();
        response.setStatus(status);
        model.addAttribute("viewer", PageModel.of(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("status", status);
        model.addAttribute("message", rejection.getMessage());
        return "problem";
    }

    /** A live-update stream whose page has gone: nothing to answer, and nothing worth logging as an error. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void gone(AsyncRequestNotUsableException e) {
        log.debug("A live-update stream closed: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, Model model, HttpServletResponse response) {
        Optional<ResponseEntity<Object>> unavailable = Unavailable.answer(e);
        if (unavailable.isPresent()) {
            // the database cannot be reached (503) or the disk is full (507): said as the API says it
            log.warn("A page could not be served: {}", e.toString());
            ResponseEntity<Object> answer = unavailable.get();
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            model.addAttribute("viewer", PageModel.of(SecurityContextHolder.getContext().getAuthentication()));
            model.addAttribute("status", answer.getStatusCode().value());
            model.addAttribute("message", ((ProblemDetail) answer.getBody()).getDetail());
            return "problem";
        }
        log.error("A page failed", e);
        response.setStatus(500);
        model.addAttribute("viewer", PageModel.of(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("status", 500);
        model.addAttribute("message", "the page could not be shown; the error is logged");
        return "problem";
    }
}
