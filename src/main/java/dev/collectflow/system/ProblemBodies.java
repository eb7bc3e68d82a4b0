package dev.collectflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Problem bodies written outside Spring MVC's handlers (by a filter, by Tomcat), in the shape the handlers write. */
final class ProblemBodies {

    private ProblemBodies() {
    }

    static void write(HttpServletResponse response, ObjectMapper json, int status, String detail, String instance,
                      List<Violation> violations) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!violations.isEmpty()) {
            body.put("errors", violations);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
            response.getWriter().flush();
        }
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
