package org.coalitionledger.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Refuses reads that need a projection while it is being rebuilt, with a 503 problem detail that says so, how far
 * the rebuild is, and that {@code mode=replay} answers in the meantime where available. "Being rebuilt" means a row
 * in {@code projection_rebuild} ({@link RebuildService#running}, read at most once a second): the same on every node
 * of the database, whether or not it processes the projection, and from the first request after a restart.
 */
@Component
class RebuildGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final RebuildService rebuilds;
    private final ObjectMapper json;

    RebuildGuard(RebuildService rebuilds, ObjectMapper json) {
        this.rebuilds = rebuilds;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod()) || "replay".equals(request.getParameter("mode"))) {
            return true;
        }
        for (String group : groupsFor(request.getRequestURI())) {
            var running = rebuilds.running(group);
            if (running.isPresent()) {
                var progress = running.get();
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "the " + group + " projection is being rebuilt (" + progress.done() + " of "
                                + progress.total() + " events); try again shortly"
                                + (group.equals("history") ? "" : ", or ask with mode=replay where offered"));
                problem.setTitle("Projection rebuilding");
                problem.setProperty("rebuild", progress);
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader("Retry-After", "5");
                response.setContentType("application/problem+json");
                json.writeValue(response.getOutputStream(), problem);
                return false;
            }
        }
        return true;
    }

    private static List<String> groupsFor(String path) {
        if (path.matches("/api/coalitions/[^/]+/history")) {
            return List.of("history");
        }
        if (path.startsWith("/api/agreements") || path.startsWith("/api/commitments")) {
            return List.of("commitments");
        }
        if (path.startsWith("/api/coalitions") || path.startsWith("/api/parties")) {
            return List.of("membership", "commitments");
        }
        return List.of();
    }
}
