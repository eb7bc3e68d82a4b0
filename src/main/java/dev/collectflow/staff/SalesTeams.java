package dev.collectflow.staff;

import dev.collectflow.system.EngineRights;
import dev.collectflow.system.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Who sells and who leads, from Camunda's identity service: sales managers are members of {@code sales}; a team is a
 * group of type {@code team} holding a head of sales (member of {@code salesheads}) and the managers who report to
 * them. Operators maintain both in Camunda Admin. Read with the engine's rights: the regulation needs the whole
 * directory even while a person who sees only part of it acts.
 */
@Service
public class SalesTeams {

    private final IdentityService identity;

    public SalesTeams(IdentityService identity) {
        this.identity = identity;
    }

    public boolean isSalesManager(String userId) {
        return userId != null && EngineRights.read(identity,
                () -> identity.createUserQuery().userId(userId).memberOfGroup(Groups.SALES).count() > 0);
    }

    public List<User> salesManagers() {
        return EngineRights.read(identity,
                () -> identity.createUserQuery().memberOfGroup(Groups.SALES).orderByUserLastName().asc().list());
    }

    /**
     * The heads of sales of a manager's teams, and nobody else: a manager in no team with a head has no head of
     * sales who may read, reassign or be told of their clients' cases (operators put them in a team).
     */
    public List<String> headsOf(String managerId) {
        return EngineRights.read(identity, () -> readHeadsOf(managerId));
    }

    private List<String> readHeadsOf(String managerId) {
        return managerId == null ? List.of() : identity.createGroupQuery()
                .groupMember(managerId).groupType(Groups.TEAM_TYPE).list().stream()
                .map(Group::getId)
                .flatMap(team -> identity.createUserQuery().memberOfGroup(team).list().stream())
                .map(User::getId)
                .filter(this::isHeadOfSales)
                .distinct()
                .toList();
    }

    public String displayName(String userId) {
        User user = userId == null ? null
                : EngineRights.read(identity, () -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
    }

    private boolean isHeadOfSales(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Groups.SALES_HEADS).count() > 0;
    }
}
