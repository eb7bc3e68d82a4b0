package dev.collectflow.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import dev.collectflow.system.EngineRights;
import dev.collectflow.system.Groups;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Who sees whom in Camunda's directory (users and groups, in Tasklist and over {@code /engine-rest}): people see the
 * members of their team and of the department queue they serve (finance, heads of sales, legal, management) and the
 * groups they belong to; sales managers of other teams, and everybody else's addresses, stay hidden. Operators see
 * everything. Kept as grants of READ to each team or queue on each of its members, and brought in step with the
 * memberships at start-up, right after an operator changes users or groups over Camunda's APIs (Camunda Admin uses
 * them; see {@code TaskCompletionGuard}), and every few minutes for changes made any other way. Grants on users and
 * groups held by the departments and teams are this class's to keep: others are removed.
 */
@Service
@EnableScheduling
public class DirectoryGrants {

    private static final Logger log = LoggerFactory.getLogger(DirectoryGrants.class);

    /** Departments whose members work one queue together and so see each other. */
    static final Set<String> QUEUES = Set.of(Groups.FINANCE, Groups.SALES_HEADS, Groups.LEGAL, Groups.MANAGEMENT);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final Grants grants;

    public DirectoryGrants(IdentityService identity, AuthorizationService authorizations, Grants grants) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        reconcile();
    }

    @Scheduled(initialDelayString = "${collectflow.directory.reconcile-interval}",
            fixedDelayString = "${collectflow.directory.reconcile-interval}")
    void regularly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Directory grants not brought in step this time (tried again later): {}", e.toString());
        }
    }

    /** Brings the grants in step with the memberships: adds what is missing, removes what no longer holds. */
    public synchronized void reconcile() {
        EngineRights.read(identity, () -> {
            List<Group> groups = identity.createGroupQuery().list();
            Map<String, Set<String>> visibleMembers = new HashMap<>();
            for (Group group : groups) {
                if (isManaged(group)) {
                    visibleMembers.put(group.getId(), seesItsMembers(group) ? members(group.getId()) : Set.of());
                }
            }
            revokeUnwanted(Resources.USER, visibleMembers, (group, user) -> visibleMembers.get(group).contains(user));
            revokeUnwanted(Resources.GROUP, visibleMembers, String::equals);
            visibleMembers.forEach((group, users) -> {
                grants.toGroup(group, Resources.GROUP, group, READ);
                users.forEach(user -> grants.toGroup(group, Resources.USER, user, READ));
            });
            return null;
        });
    }

    private interface Wanted {
        boolean test(String groupId, String resourceId);
    }

    /** Removes READ from the managed groups' grants on users (or groups) that the memberships no longer justify. */
    private void revokeUnwanted(Resource resource, Map<String, Set<String>> managed, Wanted wanted) {
        if (managed.isEmpty()) {
            return;
        }
        List<Authorization> existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                .groupIdIn(managed.keySet().toArray(String[]::new)).list();
        for (Authorization authorization : existing) {
            String group = authorization.getGroupId();
            if (group == null || !managed.containsKey(group) || !authorization.isPermissionGranted(READ)
                    || wanted.test(group, authorization.getResourceId())) {
                continue;
            }
            List<Permissions> granted = Arrays.stream(Permissions.values())
                    .filter(p -> p != Permissions.NONE && p != Permissions.ALL && authorization.isPermissionGranted(p))
                    .toList();
            if (granted.equals(List.of(READ))) {
                authorizations.deleteAuthorization(authorization.getId());
            } else {
                authorization.removePermission(READ);
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    /** The departments and teams; other groups (operators, groups an operator made for other ends) are left alone. */
    private static boolean isManaged(Group group) {
        return QUEUES.contains(group.getId()) || Groups.SALES.equals(group.getId())
                || Groups.TEAM_TYPE.equals(group.getType());
    }

    private static boolean seesItsMembers(Group group) {
        return QUEUES.contains(group.getId()) || Groups.TEAM_TYPE.equals(group.getType());
    }

    private Set<String> members(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId)
                .collect(Collectors.toSet());
    }
}
