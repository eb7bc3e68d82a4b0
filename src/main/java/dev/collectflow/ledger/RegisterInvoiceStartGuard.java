package dev.collectflow.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the invoice of a "Register invoice" start (Tasklist's start form, or {@code /engine-rest}) with
 * {@link InvoiceForm} before the engine starts anything, and refuses bad input with a 400 in Camunda's error format,
 * which Tasklist shows beside the form. Runs after the login filters and only for people the engine would let start
 * the process; everybody else gets the engine's own answer.
 */
class RegisterInvoiceStartGuard extends OncePerRequestFilter {

    private static final Pattern START = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/process-definition/(key/([^/]+)|([^/]+))/(start|submit-form)/?$");

    private final InvoiceForm form;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ObjectMapper json;

    RegisterInvoiceStartGuard(InvoiceForm form, RepositoryService repository, IdentityService identity, ObjectMapper json) {
        this.form = form;
        this.repository = repository;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !START.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replay = new ReplayedBody(request, body);
        Matcher matcher = START.matcher(path(request));
        matcher.matches();
        Map<String, Object> submitted = registersInvoice(matcher.group(3), matcher.group(4)) ? variables(body) : null;
        if (submitted == null) {
            chain.doFilter(replay, response);
            return;
        }
        InvoiceForm.Checked checked = form.check(submitted);
        if (checked.violations().isEmpty()) {
            chain.doFilter(replay, response);
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("message", "Cannot register the invoice: " + InvoiceForm.describe(checked.violations()));
        error.put("code", null);
        error.put("errors", checked.violations());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }

    /** Whether the request starts "Register invoice" and the person may start it (else the engine answers). */
    private boolean registersInvoice(String key, String id) {
        if (identity.getCurrentAuthentication() == null) {
            return false;
        }
        String definitionKey = key;
        if (definitionKey == null) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
            definitionKey = definition == null ? null : definition.getKey();
        }
        if (!RegisterInvoiceProcess.KEY.equals(definitionKey)) {
            return false;
        }
        return repository.createProcessDefinitionQuery().processDefinitionKey(RegisterInvoiceProcess.KEY)
                .latestVersion().startablePermissionCheck().count() > 0;
    }

    private Map<String, Object> variables(byte[] body) {
        try {
            JsonNode variables = body.length == 0 ? null : json.readTree(body).get("variables");
            Map<String, Object> values = new HashMap<>();
            if (variables == null || !variables.isObject()) {
                return values;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                JsonNode value = variable.getValue().get("value");
                values.put(variable.getKey(), value == null || value.isNull() ? null
                        : value.isValueNode() ? value.asText() : value.toString());
            }
            return values;
        } catch (IOException e) {
            return null;
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** The request again, with the body this filter has already read. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
