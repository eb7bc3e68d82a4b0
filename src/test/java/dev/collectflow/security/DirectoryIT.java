package dev.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.system.Groups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Who sees whom in the directory, as each person lists users and groups over {@code /engine-rest} (Tasklist reads the
 * same): their team and the colleagues of the queue they serve, not the whole company's addresses.
 */
class DirectoryIT extends CollectionTestSupport {

    private static final List<String> EVERYONE = List.of("mia", "max", "sam", "otto", "hugo", "lena", "leo", "dora",
            "fred", "olga");

    @Autowired TestRestTemplate http;
    @Autowired AuthorizationService authorizations;
    @Autowired ScheduledTaskHolder scheduler;

    @AfterEach
    void ottoBackInTheSouth() {
        if (identity.createUserQuery().memberOfGroup("teamnorth").userId("otto").count() > 0) {
            identity.deleteMembership("otto", "teamnorth");
        }
        directory.reconcile();
    }

    private List<String> users(String asUser) {
        JsonNode users = EngineApi.rest(http, asUser).get("/user?maxResults=1000").json();
        return users.findValuesAsText("id");
    }

    private List<String> emails(String asUser) {
        return EngineApi.rest(http, asUser).get("/user?maxResults=1000").json().findValuesAsText("email");
    }

    private List<String> groups(String asUser) {
        return EngineApi.rest(http, asUser).get("/group?maxResults=1000").json().findValuesAsText("id");
    }

    private static List<String> allBut(List<String> seen) {
        return EVERYONE.stream().filter(user -> !seen.contains(user)).toList();
    }

    @Test
    void aSalesManagerSeesTheirTeamAndTheirHeadOnly() {
        assertThat(users("mia")).contains("mia", "max", "sam").doesNotContainAnyElementsOf(allBut(List.of("mia", "max", "sam")));
        assertThat(emails("mia")).contains("sam@test.local").doesNotContain("lena@test.local", "otto@test.local",
                "fred@test.local", "dora@test.local");
        assertThat(EngineApi.rest(http, "mia").get("/user/lena/profile").status()).isEqualTo(404);
        assertThat(groups("mia")).contains(Groups.SALES, "teamnorth").doesNotContain(Groups.LEGAL, Groups.FINANCE,
                Groups.MANAGEMENT, Groups.SALES_HEADS, "teamsouth", Groups.ADMIN);
    }

    @Test
    void queueColleaguesSeeEachOther() {
        assertThat(users("lena")).contains("lena", "leo").doesNotContainAnyElementsOf(allBut(List.of("lena", "leo")));
        assertThat(groups("lena")).contains(Groups.LEGAL).doesNotContain(Groups.SALES, "teamnorth", Groups.FINANCE);
        assertThat(users("sam")).contains("sam", "mia", "max", "hugo")
                .doesNotContainAnyElementsOf(allBut(List.of("sam", "mia", "max", "hugo")));
        assertThat(users("dora")).contains("dora").doesNotContainAnyElementsOf(allBut(List.of("dora")));
        assertThat(users("fred")).contains("fred").doesNotContainAnyElementsOf(allBut(List.of("fred")));
    }

    @Test
    void operatorsSeeEveryone() {
        assertThat(users("olga")).containsAll(EVERYONE);
        assertThat(groups("olga")).contains(Groups.SALES, Groups.LEGAL, "teamnorth", "teamsouth", Groups.ADMIN);
    }

    @Test
    void anOperatorsChangeOfMembershipsAppliesAtOnce() {
        EngineApi olga = EngineApi.rest(http, "olga");

        assertThat(olga.put("/group/teamnorth/members/otto", null).status()).isEqualTo(204);
        assertThat(users("mia")).contains("otto");
        assertThat(users("otto")).contains("mia", "sam");

        assertThat(olga.delete("/group/teamnorth/members/otto").status()).isEqualTo(204);
        assertThat(users("mia")).doesNotContain("otto");
        assertThat(users("otto")).doesNotContain("mia", "sam");
    }

    @Test
    void changesMadeAnyOtherWayApplyAtTheNextReconciliation() {
        identity.createMembership("otto", "teamnorth");
        assertThat(users("mia")).doesNotContain("otto");
        directory.reconcile();
        assertThat(users("mia")).contains("otto");

        identity.deleteMembership("otto", "teamnorth");
        directory.reconcile();
        assertThat(users("mia")).doesNotContain("otto");
    }

    @Test
    void theDirectoryIsBroughtInStepRegularly() {
        assertThat(scheduler.getScheduledTasks()).anySatisfy(task ->
                assertThat(task.getTask().toString()).isEqualTo(DirectoryGrants.class.getName() + ".regularly"));
    }

    @Test
    void anOpenDirectoryLeftByAnEarlierVersionIsClosed() {
        Authorization open = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        open.setGroupId(Groups.SALES);
        open.setResource(Resources.USER);
        open.setResourceId(Authorization.ANY);
        open.addPermission(Permissions.READ);
        authorizations.saveAuthorization(open);
        assertThat(users("mia")).contains("lena");

        directory.reconcile();

        assertThat(users("mia")).doesNotContain("lena");
    }
}
