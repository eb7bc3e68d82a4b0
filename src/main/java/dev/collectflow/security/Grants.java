package dev.collectflow.security;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Service;

/**
 * Camunda grant authorizations, created once: granting what is already granted changes nothing. Check-then-insert is
 * safe because nodes set up one at a time (operations/StartUpLock) and a case's own steps run one at a time
 * (exclusive jobs); the engine's unique constraint on (grantee, resource, resource id) refuses any second row.
 */
@Service
public class Grants {

    private final AuthorizationService authorizations;

    public Grants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grant(null, groupId, resource, resourceId, permissions);
    }

    public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        grant(userId, null, resource, resourceId, permissions);
    }

    /** Takes back everything granted to the user on the resource (e.g. a task's former assignee). */
    public void revokeFromUser(String userId, Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).userIdIn(userId).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    /** The users who hold a grant of their own on the resource. */
    public List<String> usersGranted(Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).list().stream()
                .map(Authorization::getUserId).filter(Objects::nonNull).toList();
    }

    private void grant(String userId, String groupId, Resource resource, String resourceId, Permission... permissions) {
        AuthorizationQuery query = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId);
        Authorization authorization = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setUserId(userId);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
