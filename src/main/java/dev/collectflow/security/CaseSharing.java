package dev.collectflow.security;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Lets the people who hold a case read it in Camunda (its process instance): the sales manager and the head of sales
 * once they are told of it, the legal department once it is handed over. Called from asynchronous steps, which run
 * with the engine's own rights.
 */
@Service
public class CaseSharing {

    private final AuthorizationService authorizations;

    public CaseSharing(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void withUsers(String processInstanceId, Collection<String> userIds) {
        userIds.forEach(userId -> grantRead(processInstanceId, userId, null));
    }

    public void withGroup(String processInstanceId, String groupId) {
        grantRead(processInstanceId, null, groupId);
    }

    private void grantRead(String processInstanceId, String userId, String groupId) {
        var query = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId);
        if ((userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).count() > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setGroupId(groupId);
        authorization.setResource(Resources.PROCESS_INSTANCE);
        authorization.setResourceId(processInstanceId);
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }
}
