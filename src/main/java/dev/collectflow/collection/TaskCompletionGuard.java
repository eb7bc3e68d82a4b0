package dev.collectflow.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.system.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a task's completion request against its {@link TaskCompletion} before Camunda's REST API acts on it, for
 * {@code /engine-rest} and for the API Tasklist uses. Bad input gets a 400 in Camunda's error format (which
 * Tasklist shows next to the form) instead of the 500 the engine gives for a refusing task listener. Runs after
 * Camunda's authentication filters and only for authenticated requests, so it reveals nothing to anyone else.
 */
public class TaskCompletionGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETION =
            Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)/?$");

    private final Map<String, TaskCompletion<?>> completions;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ObjectMapper json;

    public TaskCompletionGuard(List<TaskCompletion<?>> completions, TaskService tasks, RuntimeService runtime,
                        IdentityService identity, ObjectMapper json) {
        this.completions = completions.stream()
                .collect(Collectors.toMap(TaskCompletion::taskDefinitionKey, Function.identity()));
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replay = new ReplayedBody(request, body);
        Matcher matcher = COMPLETION.matcher(path(request));
        matcher.matches();
        String taskId = matcher.group(2);

        Task task = identity.getCurrentAuthentication() == null ? null
                : tasks.createTaskQuery().taskId(taskId).singleResult();
        TaskCompletion<?> completion = task == null ? null : completions.get(task.getTaskDefinitionKey());
        Map<String, Object> submitted = completion == null ? null : submittedVariables(body);
        if (submitted == null) {
            chain.doFilter(replay, response); // not ours to check, or unreadable: Camunda answers
            return;
        }
        TaskInput input = TaskInput.of(task, businessKey(task), submitted,
                name -> tasks.getVariable(taskId, name), identity);
        List<Violation> violations = completion.check(input, submitted.keySet());
        if (violations.isEmpty()) {
            chain.doFilter(replay, response);
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("message", "Cannot complete task " + taskId + ": "
                + TaskInputRejectedException.describe(task.getName(), violations));
        error.put("code", null);
        error.put("errors", violations);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }

    private String businessKey(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** The variables of Camunda's request body {"variables": {"name": {"value": …, "type": …}}}, or null if unreadable. */
    private Map<String, Object> submittedVariables(byte[] body) {
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
                        : value.isTextual() ? value.asText()
                        : value.isBoolean() ? value.asBoolean()
                        : value.isIntegralNumber() ? (Object) value.asLong()
                        : value.isNumber() ? value.decimalValue()
                        : value.toString());
            }
            return values;
        } catch (IOException e) {
            return null;
        }
    }

    /** The path as the servlet container resolved it (decoded, without ;parameters), which is what the API serves. */
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
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
