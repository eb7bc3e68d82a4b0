package dev.collectflow.collection;

import org.camunda.bpm.engine.AuthorizationException;

/** Someone tried to make a person the assignee of a task the regulation does not give them; nothing changed. */
public class TaskAssignmentRefusedException extends AuthorizationException {

    public TaskAssignmentRefusedException(String message) {
        super(message);
    }
}
