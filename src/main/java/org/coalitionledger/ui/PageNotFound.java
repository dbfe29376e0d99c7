package org.coalitionledger.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * An address that names no page, asked for by a browser ({@code Accept: text/html}), gets the site's own not-found
 * page. API clients, and every address under {@code /api/}, keep the JSON problem detail of {@code web}'s handler,
 * which this resolver, asked first, leaves the request to.
 */
@Component
class PageNotFound implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!(e instanceof NoResourceFoundException) || request.getRequestURI().startsWith("/api/")
                || !wantsHtml(request.getHeader("Accept"))) {
            return null;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return new ModelAndView("problem", Map.of(
                "viewer", PageModel.of(SecurityContextHolder.getContext().getAuthentication()),
                "status", 404,
                "message", "there is no page at this address"), null);
    }

    private static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (InvalidMediaTypeException bad) {
            return false;
        }
    }

    /** Before the handler-method resolvers, whose {@code @ExceptionHandler}s answer every other case. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
