package dev.collectflow.collection;

import dev.collectflow.system.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Completing a task was refused because its variables are missing or invalid; nothing changed. A caller's mistake,
 * not an incident: Camunda treats it as a bad request (400, logged at debug level).
 */
public class TaskInputRejectedException extends BadUserRequestException {

    private final List<Violation> violations;

    public TaskInputRejectedException(String taskName, List<Violation> violations) {
        super(describe(taskName, violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** "Negotiate payment — INV-1, Acme Ltd" cannot be completed: promisedDate must not be in the past */
    public static String describe(String taskName, List<Violation> violations) {
        return "\"" + taskName + "\" cannot be completed: " + violations.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
