package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.collection.EngineCall.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** How the gate reads a request to Camunda's REST APIs, as the servlet container hands it over. */
class EngineCallTest {

    private static EngineCall rest(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/engine-rest" + path);
        request.setServletPath("/engine-rest");
        request.setPathInfo(path);
        return EngineCall.of(request);
    }

    private static EngineCall tasklist(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/camunda/api/engine" + path);
        request.setServletPath("/camunda/api/engine");
        request.setPathInfo(path);
        return EngineCall.of(request);
    }

    @Test
    void bothApisAndNamedEnginesAddressTheSameResources() {
        assertThat(rest("POST", "/task/42/complete").segments()).containsExactly("task", "42", "complete");
        assertThat(rest("POST", "/engine/default/task/42/complete").segments()).containsExactly("task", "42", "complete");
        assertThat(tasklist("POST", "/engine/default/task/42/complete").segments())
                .containsExactly("task", "42", "complete");
        assertThat(rest("POST", "/task/42/complete/").kind()).isEqualTo(Kind.COMPLETE);
        assertThat(tasklist("POST", "/engine/default/task/42/submit-form").kind()).isEqualTo(Kind.COMPLETE);
    }

    @Test
    void theStepsOfTheRegulationAreKnownEverythingElseIsOther() {
        assertThat(rest("POST", "/task/42/claim").kind()).isEqualTo(Kind.CLAIM);
        assertThat(rest("POST", "/task/42/unclaim").kind()).isEqualTo(Kind.UNCLAIM);
        assertThat(rest("POST", "/task/42/assignee").kind()).isEqualTo(Kind.ASSIGN);
        assertThat(rest("PUT", "/user/mia/credentials").kind()).isEqualTo(Kind.OWN_PASSWORD);
        for (String path : new String[] {"/task/42/resolve", "/task/42/delegate", "/task/42/variables",
                "/task/42/localVariables", "/task/create", "/signal", "/message", "/task/42/complete/x",
                "//task/42/complete", "/task//complete", "/Task/42/complete", "/filter/create", "/task/42/bpmnError"}) {
            assertThat(rest("POST", path).kind()).as(path).isEqualTo(Kind.OTHER);
        }
        assertThat(rest("PUT", "/task/42").kind()).isEqualTo(Kind.OTHER);
        assertThat(rest("DELETE", "/task/42").kind()).isEqualTo(Kind.OTHER);
        assertThat(rest("PATCH", "/task/42").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void readsAndQueriesOnly() {
        assertThat(rest("GET", "/task/42/variables").kind()).isEqualTo(Kind.READ);
        assertThat(rest("OPTIONS", "/task").kind()).isEqualTo(Kind.READ);
        assertThat(rest("POST", "/task").kind()).isEqualTo(Kind.QUERY);
        assertThat(rest("POST", "/task/count").kind()).isEqualTo(Kind.QUERY);
        assertThat(tasklist("POST", "/engine/default/filter/7/list").kind()).isEqualTo(Kind.QUERY);
        assertThat(rest("POST", "/filter/7/execute").kind()).isEqualTo(Kind.OTHER);
        assertThat(rest("POST", "/history/process-instance/delete").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void theTaskARequestIsAbout() {
        assertThat(rest("GET", "/task/42/form-variables").taskId()).isEqualTo("42");
        assertThat(rest("DELETE", "/task/42").taskId()).isEqualTo("42");
        assertThat(rest("GET", "/task/count").taskId()).isNull();
        assertThat(rest("POST", "/task/create").taskId()).isNull();
        assertThat(rest("GET", "/task").taskId()).isNull();
        assertThat(rest("GET", "/process-instance/42").taskId()).isNull();
    }

    @Test
    void changesToTheDirectoryAreSeen() {
        assertThat(rest("PUT", "/group/teamnorth/members/otto").changesDirectory()).isTrue();
        assertThat(rest("POST", "/user/create").changesDirectory()).isTrue();
        assertThat(rest("GET", "/user").changesDirectory()).isFalse();
        assertThat(rest("POST", "/task/42/claim").changesDirectory()).isFalse();
    }
}
