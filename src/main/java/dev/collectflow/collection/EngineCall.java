package dev.collectflow.collection;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A request to one of Camunda's REST APIs ({@code /engine-rest}, or the API Tasklist uses), as the resource below the
 * engine it addresses: {@code POST task/42/complete}. Paths are read as the servlet container resolved them
 * (decoded, without {@code ;parameters}), which is what the APIs serve; {@code /engine/{name}} prefixes are dropped.
 */
record EngineCall(String method, List<String> segments) {

    /** What a request asks for, as far as the gate is concerned. */
    enum Kind {
        /** GET, HEAD, OPTIONS: the engine's authorizations decide what is shown. */
        READ,
        /** A POST that only queries (Tasklist's filters and task lists). */
        QUERY,
        COMPLETE,
        CLAIM,
        UNCLAIM,
        ASSIGN,
        /** Starting a process from its start form ({@code process-definition/…/submit-form}). */
        START,
        /** A person changes their own password (Camunda's welcome page); the engine checks the old one. */
        OWN_PASSWORD,
        /** Everything else: changes that only operators make. */
        OTHER
    }

    /** Words that follow {@code task/} and are not task ids. */
    private static final Set<String> TASK_COLLECTION_PATHS = Set.of("count", "create", "report");

    /**
     * POST endpoints that only read: Camunda's query endpoints taking the query as body, and the password policy check
     * of Camunda's welcome page.
     */
    private static final Set<String> QUERIES = Set.of("task", "task/count", "process-instance",
            "process-instance/count", "variable-instance", "variable-instance/count", "history/task",
            "history/task/count", "history/process-instance", "history/process-instance/count",
            "history/activity-instance", "history/activity-instance/count", "history/variable-instance",
            "history/variable-instance/count", "identity/password-policy");

    static EngineCall of(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<String> segments = Arrays.asList(path.split("/", -1));
        segments = segments.isEmpty() ? segments : segments.subList(1, segments.size()); // the leading slash
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments = segments.subList(0, segments.size() - 1); // one trailing slash
        }
        if (segments.size() >= 2 && segments.get(0).equals("engine")) {
            segments = segments.subList(2, segments.size()); // engine/{name}/…: the one engine there is
        }
        return new EngineCall(request.getMethod(), List.copyOf(segments));
    }

    boolean isRead() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** The task the request is about, or null: {@code task/{id}} and everything below it. */
    String taskId() {
        if (segments.size() >= 2 && segments.get(0).equals("task")
                && !TASK_COLLECTION_PATHS.contains(segments.get(1)) && !segments.get(1).isEmpty()) {
            return segments.get(1);
        }
        return null;
    }

    /**
     * The process definition a start-form request names: {@code key/{key}} for
     * {@code process-definition/key/{key}/submit-form}, else the id of {@code process-definition/{id}/submit-form}.
     */
    String startedDefinition() {
        return segments.size() == 4 ? "key/" + segments.get(2) : segments.get(1);
    }

    /** The user of {@code user/{id}/…}, or null. */
    String userId() {
        return segments.size() >= 2 && segments.get(0).equals("user") ? segments.get(1) : null;
    }

    /** Whether the request changes users, groups or memberships (the directory). */
    boolean changesDirectory() {
        return !isRead() && !segments.isEmpty()
                && (segments.get(0).equals("user") || segments.get(0).equals("group"));
    }

    Kind kind() {
        if (segments.stream().anyMatch(String::isEmpty)) {
            return isRead() ? Kind.READ : Kind.OTHER;
        }
        if (isRead()) {
            return Kind.READ;
        }
        String path = String.join("/", segments);
        if (method.equals("POST") && (QUERIES.contains(path) || isFilterQuery())) {
            return Kind.QUERY;
        }
        if (method.equals("PUT") && segments.size() == 3 && userId() != null && segments.get(2).equals("credentials")) {
            return Kind.OWN_PASSWORD;
        }
        if (method.equals("POST") && isStartForm()) {
            return Kind.START;
        }
        if (method.equals("POST") && taskId() != null && segments.size() == 3) {
            return switch (segments.get(2)) {
                case "complete", "submit-form" -> Kind.COMPLETE;
                case "claim" -> Kind.CLAIM;
                case "unclaim" -> Kind.UNCLAIM;
                case "assignee" -> Kind.ASSIGN;
                default -> Kind.OTHER;
            };
        }
        return Kind.OTHER;
    }

    private boolean isStartForm() {
        boolean byId = segments.size() == 3 && !segments.get(1).equals("key");
        boolean byKey = segments.size() == 4 && segments.get(1).equals("key");
        return (byId || byKey) && segments.get(0).equals("process-definition")
                && segments.get(segments.size() - 1).equals("submit-form");
    }

    private boolean isFilterQuery() {
        return segments.size() == 3 && segments.get(0).equals("filter")
                && (segments.get(2).equals("list") || segments.get(2).equals("count"));
    }

    @Override
    public String toString() {
        return method + " " + String.join("/", segments);
    }
}
