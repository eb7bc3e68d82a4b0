package dev.collectflow.demo;

import dev.collectflow.system.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The demo company's people and departments in Camunda's identity service; creates only what is missing. */
@Component
class DemoUsers {

    record Person(String id, String firstName, String lastName, String... groups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("mia", "Mia", "Miller", Groups.SALES, "teamnorth"),
            new Person("max", "Max", "Weber", Groups.SALES, "teamnorth"),
            new Person("sam", "Sam", "Sutton", Groups.SALES_HEADS, "teamnorth"),
            new Person("lena", "Lena", "Lawson", Groups.LEGAL),
            new Person("dora", "Dora", "Director", Groups.MANAGEMENT),
            new Person("fred", "Fred", "Finch", Groups.FINANCE));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    void create(String password) {
        group(Groups.FINANCE, "Finance", "WORKFLOW");
        group(Groups.SALES, "Sales managers", "WORKFLOW");
        group(Groups.SALES_HEADS, "Heads of sales", "WORKFLOW");
        group(Groups.LEGAL, "Legal", "WORKFLOW");
        group(Groups.MANAGEMENT, "Management", "WORKFLOW");
        group("teamnorth", "Sales team North", Groups.TEAM_TYPE);
        for (Person person : PEOPLE) {
            if (identity.createUserQuery().userId(person.id()).count() == 0) {
                User user = identity.newUser(person.id());
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.id() + "@collectflow.local");
                user.setPassword(password);
                identity.saveUser(user);
                for (String group : person.groups()) {
                    identity.createMembership(person.id(), group);
                }
            }
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }
}
