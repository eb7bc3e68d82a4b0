package dev.collectflow.collection;

import dev.collectflow.system.Violation;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What completing one user task means: which variables it needs and what it records. Wired as the task's
 * {@code complete} listener, it refuses bad input before the process moves on; {@link TaskCompletionGuard} runs the
 * same check on REST requests first, so a refusal there is a 400 rather than an engine error.
 *
 * @param <D> the decision read from the task's variables
 */
public abstract class TaskCompletion<D> implements TaskListener {

    private final String taskDefinitionKey;
    private final Set<String> fields;

    /** @param fields the variables completing the task may set; the process's other variables are not the task's */
    protected TaskCompletion(String taskDefinitionKey, String... fields) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.fields = Set.of(fields);
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    public Set<String> fields() {
        return fields;
    }

    /** Reads the decision and reports every problem to the input; the result is used only when there is none. */
    protected abstract D read(TaskInput input);

    /** Records a valid decision (audit trail, domain, variables the process continues with). */
    protected abstract void record(D decision, TaskInput input, DelegateTask task);

    /** Checks a completion request: only the task's own fields may be submitted, and they must be valid. */
    public List<Violation> check(TaskInput input, Set<String> submitted) {
        submitted.stream().filter(name -> !fields.contains(name)).sorted()
                .forEach(name -> input.reject(name, "is not a field of this task"));
        read(input);
        return input.violations();
    }

    @Override
    public final void notify(DelegateTask task) {
        TaskInput input = TaskInput.of(task);
        D decision = read(input);
        input.rejectIfInvalid();
        record(decision, input, task);
    }
}
