package dev.collectflow.security;

import static dev.collectflow.system.Groups.*;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import dev.collectflow.collection.InvoiceCollectionProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The departments' standing permissions in Camunda, created at start-up and completed if some are missing. Tasks
 * themselves need no standing permission: the engine lets assignees and candidates work on their tasks
 * ({@code TASK_WORK}); cases are shared with the people who hold them as they go (see {@link CaseSharing}).
 * {@code camunda-admin} gets everything from Camunda's admin-user set-up.
 */
@Component
@Order(0)
class EngineAuthorizations implements ApplicationRunner {

    static final List<String> DEPARTMENTS = List.of(FINANCE, SALES, SALES_HEADS, LEGAL, MANAGEMENT);

    private final AuthorizationService authorizations;

    EngineAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String department : DEPARTMENTS) {
            grant(department, Resources.APPLICATION, "tasklist", ACCESS);
            grant(department, Resources.PROCESS_DEFINITION, InvoiceCollectionProcess.KEY, READ);
            // colleagues' names and mail addresses in Tasklist
            grant(department, Resources.USER, Authorization.ANY, READ);
            grant(department, Resources.GROUP, Authorization.ANY, READ);
        }
        for (String readsAllCases : List.of(FINANCE, MANAGEMENT)) {
            grant(readsAllCases, Resources.PROCESS_DEFINITION, InvoiceCollectionProcess.KEY, READ_INSTANCE, READ_HISTORY);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
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
