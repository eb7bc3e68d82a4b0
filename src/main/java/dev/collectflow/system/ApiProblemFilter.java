package dev.collectflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of {@code /api}: every refusal is a problem body, also those that Spring MVC or the servlet
 * container would otherwise answer with their own error page (no such path, wrong method, unacceptable media type,
 * an exception nobody handled). Answers carry {@code X-Content-Type-Options: nosniff} and a Content-Security-Policy
 * that allows nothing, so a browser treats what the API serves as data, never as a page with scripts (a client may
 * well be called {@code <img src=x onerror=alert(1)>}).
 */
public class ApiProblemFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    private static final Logger log = LoggerFactory.getLogger(ApiProblemFilter.class);

    private final ObjectMapper json;
    private final List<String> pagePrefixes;

    /** @param pagePrefixes paths under /api that serve pages of their own (the API documentation) */
    public ApiProblemFilter(ObjectMapper json, List<String> pagePrefixes) {
        this.json = json;
        this.pagePrefixes = List.copyOf(pagePrefixes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (pagePrefixes.stream().noneMatch(path::startsWith)) {
            markAsData(response);
        } else {
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        try {
            chain.doFilter(request, new ErrorsAsProblems(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.error("Request {} {} failed", request.getMethod(), path, e);
            response.resetBuffer();
            ProblemBodies.write(response, json, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "The request could not be completed; nothing was changed. Try again or tell the operators.",
                    path, List.of());
        }
    }

    /** Tells browsers to take the answer as what its Content-Type says and to run nothing of it. */
    static void markAsData(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** Turns {@code sendError} into a problem body instead of the container's error page. */
    private final class ErrorsAsProblems extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ErrorsAsProblems(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("Cannot send an error after the response was committed");
            }
            resetBuffer();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            ProblemBodies.write((HttpServletResponse) getResponse(), json, status, detail(status, message, path),
                    path, List.of());
            flushBuffer();
        }

        private String detail(int status, String message, String path) {
            return switch (status) {
                case 404 -> "There is nothing at " + path + ".";
                case 405 -> request.getMethod() + " is not allowed on " + path
                        + (getHeader(HttpHeaders.ALLOW) == null ? "." : "; allowed: " + getHeader(HttpHeaders.ALLOW) + ".");
                case 406 -> "The API answers with application/json (errors with application/problem+json) only.";
                case 415 -> "Send the body as application/json.";
                default -> message == null || message.isBlank() ? ProblemBodies.title(status) + "." : message;
            };
        }
    }
}
