package dev.collectflow.collection;

import dev.collectflow.system.Violation;
import java.util.List;
import java.util.Map;

/**
 * The server's check of a process that people start from a form (Tasklist's "Start process", or {@code submit-form}
 * over REST), as strict as a task's {@link TaskCompletion}: {@link TaskCompletionGuard} lets people other than
 * operators start only processes that have one, and only with variables it accepts. Who may start the process at all
 * is the engine's authorization ({@code CREATE_INSTANCE}).
 */
public interface StartFormCheck {

    String processDefinitionKey();

    /** Every problem with the submitted variables, each naming its field; empty when the process may start. */
    List<Violation> check(Map<String, Object> variables);
}
