package dev.collectflow.collection;

import dev.collectflow.system.Violation;
import java.util.List;
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

    protected TaskCompletion(String taskDefinitionKey) {
        this.taskDefinitionKey = taskDefinitionKey;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    /** Reads the decision and reports every problem to the input; the result is used only when there is none. */
    protected abstract D read(TaskInput input);

    /** Records a valid decision (audit trail, domain, variables the process continues with). */
    protected abstract void record(D decision, TaskInput input, DelegateTask task);

    public List<Violation> check(TaskInput input) {
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
