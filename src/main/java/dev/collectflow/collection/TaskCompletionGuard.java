package dev.collectflow.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.collection.EngineCall.Kind;
import dev.collectflow.security.DirectoryGrants;
import dev.collectflow.system.EngineRights;
import dev.collectflow.system.Groups;
import dev.collectflow.system.Violation;
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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate in front of Camunda's REST APIs ({@code /engine-rest} and the API Tasklist uses). People other than
 * operators ({@code camunda-admin}) may read (the engine's authorizations decide what they see), query their task
 * lists, and take the steps the regulation knows: claim a task from their queue, take over a task they may hold (a
 * head of sales a negotiation of their team; see {@link TaskAssignment}), give a queue task back, and complete a task
 * they hold with exactly its {@link TaskCompletion}'s fields, checked as strictly as the forms check them, and start
 * a process that has a {@link StartFormCheck} from its start form, checked the same way. Everything
 * else (resolving, delegating, setting variables, creating or deleting tasks, starting, correcting or messaging
 * cases, signals, jobs, users and groups) is refused with 403. For everyone, a task that does not exist (or is done,
 * or is not theirs to see) answers 404 and a claim of someone else's task 409, before the engine would answer 500.
 * Answers are in Camunda's error format ({@code type}, {@code message}), which Tasklist shows.
 */
public class TaskCompletionGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskCompletionGuard.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final Set<String> COMPLETION_KEYS = Set.of("variables", "withVariablesInReturn");
    private static final Set<String> ASSIGNMENT_KEYS = Set.of("userId");
    private static final Set<String> START_KEYS = Set.of("variables", "businessKey");
    /** Requests whose body the gate checks; all others go on untouched (or are refused without reading). */
    private static final Set<Kind> READS_BODY = Set.of(Kind.COMPLETE, Kind.CLAIM, Kind.ASSIGN, Kind.START);

    private final Map<String, TaskCompletion<?>> completions;
    private final Map<String, StartFormCheck> startChecks;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final DirectoryGrants directory;
    private final ObjectMapper json;

    public TaskCompletionGuard(List<TaskCompletion<?>> completions, List<StartFormCheck> startChecks,
                               TaskService tasks, RuntimeService runtime, RepositoryService repository,
                               IdentityService identity, DirectoryGrants directory, ObjectMapper json) {
        this.completions = completions.stream()
                .collect(Collectors.toMap(TaskCompletion::taskDefinitionKey, Function.identity()));
        this.startChecks = startChecks.stream()
                .collect(Collectors.toMap(StartFormCheck::processDefinitionKey, Function.identity()));
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
        this.directory = directory;
        this.json = json;
    }

    /** A request the gate answers itself. */
    private static final class Refusal extends Exception {
        final int status;
        final List<Violation> errors;

        Refusal(int status, String message) {
            this(status, message, null);
        }

        Refusal(int status, String message, List<Violation> errors) {
            super(message);
            this.status = status;
            this.errors = errors;
        }
    }

    /** Who is asking, as Camunda's login filters told the engine. */
    private record Caller(String id, List<String> groups) {
        boolean isOperator() {
            return groups.contains(Groups.ADMIN);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineCall call = EngineCall.of(request);
        var authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            if (call.isRead() || call.kind() == Kind.QUERY) {
                chain.doFilter(request, response); // Camunda's own login answers
            } else {
                write(response, new Refusal(HttpServletResponse.SC_UNAUTHORIZED, "Log in first"));
            }
            return;
        }
        Caller caller = new Caller(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
        HttpServletRequest forwarded = request;
        try {
            byte[] body = READS_BODY.contains(call.kind()) ? body(request) : null;
            if (body != null) {
                forwarded = new ReplayedBody(request, body);
            }
            check(call, caller, body, request.getContentType());
        } catch (Refusal refusal) {
            log.info("Refused {} for {}: {} {}", call, caller.id(), refusal.status, refusal.getMessage());
            write(response, refusal);
            return;
        }
        chain.doFilter(forwarded, response);
        if (call.changesDirectory() && response.getStatus() < 300) {
            directory.reconcile(); // an operator changed users or memberships (e.g. in Camunda Admin)
        }
    }

    private void check(EngineCall call, Caller caller, byte[] body, String contentType) throws Refusal {
        String taskId = call.taskId();
        Task task = taskId == null || call.method().equals("OPTIONS") ? null : visibleTask(taskId);
        Kind kind = call.kind();
        if (caller.isOperator()) {
            checkOperator(call, kind, task, body, contentType);
            return;
        }
        switch (kind) {
            case READ, QUERY -> { }
            case COMPLETE -> checkCompletion(requireAssignee(task, caller), body, contentType, true);
            case CLAIM -> checkClaim(task, caller, body, contentType);
            case ASSIGN -> checkAssignment(task, caller, body, contentType);
            case UNCLAIM -> checkReturnToQueue(task, caller);
            case START -> checkStart(call, body, contentType, true);
            case OWN_PASSWORD -> {
                if (!caller.id().equals(call.userId())) {
                    throw forbidden("You may change only your own password.");
                }
            }
            case OTHER -> throw forbidden("Not allowed: " + call + " is not a step of the regulation. People "
                    + "read, claim, take over what they may hold, and complete their tasks; operators do the rest.");
        }
    }

    /** Operators may do anything; their completions are checked like everyone's, their mistakes are still 4xx. */
    private void checkOperator(EngineCall call, Kind kind, Task task, byte[] body, String contentType)
            throws Refusal {
        if (kind == Kind.COMPLETE) {
            checkCompletion(task, body, contentType, false);
        } else if (kind == Kind.START) {
            checkStart(call, body, contentType, false);
        } else if (kind == Kind.CLAIM) {
            String userId = userId(body, contentType);
            if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
                throw alreadyClaimed(task);
            }
        } else if (task != null && call.method().equals("DELETE") && call.segments().size() == 2
                && task.getProcessInstanceId() != null) {
            throw new Refusal(HttpServletResponse.SC_CONFLICT, "Task " + task.getId() + " is part of a running case "
                    + "and cannot be deleted on its own; cancel or correct the case instead.");
        }
    }

    /** The task as the caller sees it; 404 when it does not exist, is done, or is not theirs to see. */
    private Task visibleTask(String taskId) throws Refusal {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new Refusal(HttpServletResponse.SC_NOT_FOUND, "No task with id " + taskId
                    + ": it does not exist, is already done, or is not yours to see.");
        }
        return task;
    }

    private Task requireAssignee(Task task, Caller caller) throws Refusal {
        if (caller.id().equals(task.getAssignee())) {
            return task;
        }
        if (task.getAssignee() == null) {
            throw forbidden("Claim \"" + task.getName() + "\" first: a task is completed by its assignee.");
        }
        throw forbidden("\"" + task.getName() + "\" is assigned to " + task.getAssignee()
                + ": only the assignee completes it. Whoever may take it over assigns it to themselves first.");
    }

    private void checkCompletion(Task task, byte[] body, String contentType, boolean onlyKnownTasks) throws Refusal {
        TaskCompletion<?> completion = completions.get(task.getTaskDefinitionKey());
        if (completion == null) {
            if (onlyKnownTasks) {
                throw forbidden("\"" + task.getName() + "\" is not a task of the regulation; an operator completes it.");
            }
            return;
        }
        Map<String, Object> submitted;
        try {
            submitted = readBody(body, contentType, COMPLETION_KEYS).variables();
        } catch (TaskRequestBody.Unreadable e) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
        String taskId = task.getId();
        TaskInput input = TaskInput.of(task, businessKey(task), submitted, name -> tasks.getVariable(taskId, name),
                identity);
        List<Violation> violations = completion.check(input, submitted.keySet());
        if (!violations.isEmpty()) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Cannot complete task " + taskId + ": "
                    + TaskInputRejectedException.describe(task.getName(), violations), violations);
        }
    }

    private void checkStart(EngineCall call, byte[] body, String contentType, boolean onlyCheckedProcesses)
            throws Refusal {
        String definition = call.startedDefinition();
        String key = definition.startsWith("key/") ? definition.substring(4) : EngineRights.read(identity, () -> {
            ProcessDefinition byId = repository.createProcessDefinitionQuery().processDefinitionId(definition)
                    .singleResult();
            return byId == null ? null : byId.getKey();
        });
        StartFormCheck startCheck = key == null ? null : startChecks.get(key);
        if (startCheck == null) {
            if (onlyCheckedProcesses) {
                throw forbidden("Not allowed: " + call + " is not started by people; an operator starts it.");
            }
            return;
        }
        List<Violation> violations;
        try {
            violations = startCheck.check(readBody(body, contentType, START_KEYS).variables());
        } catch (TaskRequestBody.Unreadable e) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "Cannot start " + key + ": " + violations.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), violations);
        }
    }

    private void checkClaim(Task task, Caller caller, byte[] body, String contentType) throws Refusal {
        String userId = userId(body, contentType);
        if (!caller.id().equals(userId)) {
            throw forbidden("You may claim a task only for yourself.");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            throw alreadyClaimed(task);
        }
        requireMayHold(task, caller);
    }

    private void checkAssignment(Task task, Caller caller, byte[] body, String contentType) throws Refusal {
        String userId = userId(body, contentType);
        if (userId == null) {
            checkReturnToQueue(task, caller);
        } else if (!caller.id().equals(userId)) {
            throw forbidden("You may assign a task only to yourself (to take it over); an operator assigns others.");
        } else {
            requireMayHold(task, caller);
        }
    }

    private void checkReturnToQueue(Task task, Caller caller) throws Refusal {
        if (!caller.id().equals(task.getAssignee())) {
            throw forbidden("Only the assignee of \"" + task.getName() + "\" may give it back.");
        }
        String refusal = TaskAssignment.refusal(null, holders(task), caller.groups());
        if (refusal != null) {
            throw forbidden("\"" + task.getName() + "\" cannot be given back: " + refusal + ".");
        }
    }

    private void requireMayHold(Task task, Caller caller) throws Refusal {
        String refusal = TaskAssignment.refusal(caller.id(), holders(task), caller.groups());
        if (refusal != null) {
            throw forbidden("\"" + task.getName() + "\": " + refusal + ".");
        }
    }

    /** Who the task is for, read with the engine's rights (the caller already sees the task). */
    private TaskAssignment.Holders holders(Task task) {
        return EngineRights.read(identity, () -> {
            String variable = task.getProcessDefinitionId() == null ? null
                    : TaskAssignment.assigneeVariable(repository.getBpmnModelInstance(task.getProcessDefinitionId())
                            .getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask
                            ? userTask : null);
            Object regulationAssignee = variable == null ? null : tasks.getVariable(task.getId(), variable);
            return TaskAssignment.Holders.of(regulationAssignee == null ? null : regulationAssignee.toString(),
                    tasks.getIdentityLinksForTask(task.getId()));
        });
    }

    private String userId(byte[] body, String contentType) throws Refusal {
        try {
            return readBody(body, contentType, ASSIGNMENT_KEYS).userId();
        } catch (TaskRequestBody.Unreadable e) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private static TaskRequestBody readBody(byte[] body, String contentType, Set<String> keys) throws Refusal {
        if (body.length > 0 && !isJson(contentType)) {
            throw new Refusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json (UTF-8).");
        }
        try {
            return TaskRequestBody.read(body, keys);
        } catch (TaskRequestBody.Unreadable e) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Refusal forbidden(String message) {
        return new Refusal(HttpServletResponse.SC_FORBIDDEN, message);
    }

    private static Refusal alreadyClaimed(Task task) {
        return new Refusal(HttpServletResponse.SC_CONFLICT, "\"" + task.getName() + "\" is already assigned to "
                + task.getAssignee() + ".");
    }

    private String businessKey(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** The body, at most 1 MB (Camunda's task requests are small). */
    private static byte[] body(HttpServletRequest request) throws IOException, Refusal {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The body is larger than 1 MB.");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The body is larger than 1 MB.");
            }
            return body;
        }
    }

    /** Camunda's error format: {"type": …, "message": …}, plus the fields at fault when a completion is refused. */
    private void write(HttpServletResponse response, Refusal refusal) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException"); // Camunda's type for a refusal with a status of its own
        error.put("message", refusal.getMessage());
        error.put("code", null);
        if (refusal.errors != null) {
            error.put("errors", refusal.errors);
        }
        response.setStatus(refusal.status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
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
