package dev.collectflow.security;

import java.util.Collection;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Lets the people who hold a case read it in Camunda (its process instance): the sales manager and the head of
 * sales once they are told of it (until the client gets another owner), the legal department once it is handed
 * over. Called from asynchronous steps, which run with the engine's own rights.
 */
@Service
public class CaseSharing {

    private final Grants grants;

    public CaseSharing(Grants grants) {
        this.grants = grants;
    }

    public void withUsers(String processInstanceId, Collection<String> userIds) {
        userIds.forEach(userId -> grants.toUser(userId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ));
    }

    /**
     * Takes a task from a person it was handed away from: the engine grants a task's assignee the right to work on it
     * and keeps that grant when the task gets another assignee.
     */
    public void withdrawTask(String taskId, String userId) {
        grants.revokeFromUser(userId, Resources.TASK, taskId);
    }

    /**
     * Shares the case with these people only: everyone else who read it by a grant of their own (a client's former
     * owner and head of sales) no longer does.
     */
    public void onlyWithUsers(String processInstanceId, Collection<String> userIds) {
        withUsers(processInstanceId, userIds);
        grants.usersGranted(Resources.PROCESS_INSTANCE, processInstanceId).stream()
                .filter(userId -> !userIds.contains(userId))
                .forEach(userId -> grants.revokeFromUser(userId, Resources.PROCESS_INSTANCE, processInstanceId));
    }

    public void withGroup(String processInstanceId, String groupId) {
        grants.toGroup(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }
}
