package dev.collectflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API requests whose declared body is larger than the limit (413) before anything reads them. */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final DataSize jsonLimit;
    private final DataSize uploadLimit;
    private final ObjectMapper json;

    public RequestSizeLimitFilter(DataSize jsonLimit, DataSize uploadLimit, ObjectMapper json) {
        this.jsonLimit = jsonLimit;
        this.uploadLimit = uploadLimit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        DataSize limit = upload ? uploadLimit : jsonLimit;
        long length = request.getContentLengthLong();
        if (length > limit.toBytes() || length < 0 && !upload && request.getHeader("Transfer-Encoding") != null) {
            ProblemResponses.write(response, json, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request too large",
                    "Send at most " + limit.toKilobytes() + " KB with a Content-Length header.");
            return;
        }
        chain.doFilter(request, response);
    }
}
