package dev.collectflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Tomcat refuses some requests before any application code runs: a path with an encoded slash or backslash, a NUL,
 * a malformed %-escape or a dot segment above the root, and the TRACE method. Under {@code /api} this valve, the
 * first of Tomcat's engine, answers them as problems instead of Tomcat's HTML error page, naming the path variable
 * at fault where the path matches a route. Elsewhere Tomcat answers as before.
 */
class RefusedRequestValve extends ValveBase {

    static final String PATH_MESSAGE =
            "must not contain an encoded / or \\, a NUL, a dot segment or a malformed %-escape";

    private final ObjectMapper json;
    private final ApiRoutes routes;

    RefusedRequestValve(ObjectMapper json, ApiRoutes routes) {
        super(true);
        this.json = json;
        this.routes = routes;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getRequestURI();
        if (!response.isError() || path == null || !(path.equals("/api") || path.startsWith("/api/"))) {
            getNext().invoke(request, response);
            return;
        }
        int status = response.getStatus();
        response.setSuspended(false);
        response.setErrorReported();
        List<Violation> violations = status == 400 ? routes.violationsIn(path, PATH_MESSAGE) : List.of();
        String detail = switch (status) {
            case 400 -> "The path is refused: it " + PATH_MESSAGE + ".";
            case 405 -> request.getMethod() + " is not allowed.";
            default -> ProblemBodies.title(status) + ".";
        };
        ApiProblemFilter.markAsData(response);
        ProblemBodies.write(response, json, status, detail, path, violations);
    }
}
