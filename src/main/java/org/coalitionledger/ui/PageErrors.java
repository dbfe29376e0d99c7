package org.coalitionledger.ui;

import org.coalitionledger.web.RejectionStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Errors on pages are answered with a page, not a problem detail: an unknown coalition with 404, a malformed
 * request with 400, and anything unexpected with 500 and nothing of the implementation.
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
        log.error("A page failed", e);
        response.setStatus(500);
        model.addAttribute("viewer", PageModel.of(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("status", 500);
        model.addAttribute("message", "the page could not be shown; the error is logged");
        return "problem";
    }
}
