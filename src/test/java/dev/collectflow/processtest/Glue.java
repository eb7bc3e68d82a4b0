package dev.collectflow.processtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Stands in for an application bean a model names as delegate or listener: records where it was called and, where
 * a test says so, does what the bean would do to the process (set a variable the next gateway reads).
 */
public final class Glue implements JavaDelegate, TaskListener, ExecutionListener {

    private final String name;
    private final List<String> calls = new ArrayList<>();
    private Consumer<DelegateExecution> onExecution = execution -> { };
    private Consumer<DelegateTask> onTask = task -> { };

    Glue(String name) {
        this.name = name;
    }

    /** What the bean does when it runs as a delegate or execution listener. */
    public Glue does(Consumer<DelegateExecution> action) {
        onExecution = action;
        return this;
    }

    /** What the bean does when it runs as a task listener. */
    public Glue doesOnTask(Consumer<DelegateTask> action) {
        onTask = action;
        return this;
    }

    /** The activities (and task events) at which the bean was called, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.add(execution.getCurrentActivityId());
        onExecution.accept(execution);
    }

    @Override
    public void notify(DelegateExecution execution) {
        calls.add(execution.getCurrentActivityId());
        onExecution.accept(execution);
    }

    @Override
    public void notify(DelegateTask task) {
        calls.add(task.getTaskDefinitionKey() + ":" + task.getEventName());
        onTask.accept(task);
    }

    @Override
    public String toString() {
        return name + calls;
    }
}
