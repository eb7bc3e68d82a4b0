package dev.collectflow.security;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may see and do what, through the real REST APIs (/api and /engine-rest) with each person's login. */
class AccessIT extends CollectionTestSupport {

    @Autowired TestRestTemplate http;

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String noAgreement() {
        return """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"},
                               "negotiationNote": {"value": "refuses"}}}""";
    }

    @Test
    void everyEndpointFamilyNeedsALogin() {
        for (String path : new String[] {"/api/invoices/X-1", "/api/openapi", "/engine-rest/task",
                "/actuator/info", "/camunda/api/engine/engine/default/task"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // (a wrong password delays further logins of that user: leo does not log in elsewhere)
        assertThat(http.withBasicAuth("leo", "wrong").getForEntity("/api/openapi", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("leo", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(get("fred", "/api/invoices/X-1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("fred", "/api/openapi").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("fred", "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("olga", "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("fred", "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void tasklistsOwnApiNeedsItsLoginAndChecksCompletionsLikeTheForm() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        String complete = "/camunda/api/engine/engine/default/task/" + openTask(instance).getId() + "/submit-form";
        String badPromise = """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"}, "promisedDate": {"value": "2020-01-01"}}}""";
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> anonymous = http.exchange(complete, HttpMethod.POST, new HttpEntity<>(badPromise, json),
                String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody()).doesNotContain("promisedDate");

        // log in as Tasklist does: CSRF token from a page, then the login form
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String csrfCookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        String sessionCookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().map(c -> c.split(";")[0]).orElse("");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.add(HttpHeaders.COOKIE, csrfCookie + "; " + sessionCookie);
        form.add("X-XSRF-TOKEN", csrfCookie.substring("XSRF-TOKEN=".length()));
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>("username=mia&password=secret", form), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        String session = login.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> app = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(withSession), String.class); // the session's new CSRF token
        String csrf = app.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());

        HttpHeaders loggedIn = new HttpHeaders();
        loggedIn.setContentType(MediaType.APPLICATION_JSON);
        loggedIn.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + csrf);
        loggedIn.add("X-XSRF-TOKEN", csrf);
        ResponseEntity<String> refused = http.exchange(complete, HttpMethod.POST, new HttpEntity<>(badPromise, loggedIn),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("promisedDate must not be in the past");

        HttpHeaders withoutToken = new HttpHeaders();
        withoutToken.setContentType(MediaType.APPLICATION_JSON);
        withoutToken.add(HttpHeaders.COOKIE, session);
        assertThat(http.exchange(complete, HttpMethod.POST, new HttpEntity<>(badPromise, withoutToken), String.class)
                .getStatusCode()).as("the webapps' CSRF protection is on").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSalesManagerSeesOnlyOwnTasksAndCases() {
        ProcessInstance mias = overdueInvoice(client("mia", false));
        ProcessInstance maxs = overdueInvoice(client("max", false));

        JsonNode visible = get("mia", "/engine-rest/task?processDefinitionKey=InvoiceCollectionProcess").getBody();
        assertThat(visible.findValuesAsText("processInstanceId")).contains(mias.getId()).doesNotContain(maxs.getId());
        assertThat(get("mia", "/api/invoices/" + mias.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("mia", "/api/invoices/" + maxs.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("mia", "/api/clients/" + invoiceOf(maxs).getClientId()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> othersTask = post("mia", "/engine-rest/task/" + openTask(maxs).getId() + "/complete",
                noAgreement());
        assertThat(othersTask.getStatusCode()).as("not hers to see").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(openTask(maxs).getTaskDefinitionKey()).isEqualTo(Activities.NEGOTIATE_PAYMENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(mias.getId()).count()).isEqualTo(1);
        assertThat(get("mia", "/engine-rest/process-instance?processInstanceIds=" + mias.getId() + "," + maxs.getId())
                .getBody().findValuesAsText("id")).containsExactly(mias.getId());
    }

    @Test
    void theHeadOfSalesSeesTheTeamsNegotiations() {
        ProcessInstance mias = overdueInvoice(client("mia", false));

        JsonNode teamTasks = get("sam", "/engine-rest/task?candidateUser=sam&includeAssignedTasks=true"
                + "&processInstanceBusinessKey=" + mias.getBusinessKey()).getBody();
        assertThat(teamTasks.findValuesAsText("assignee")).containsExactly("mia");
        assertThat(get("sam", "/api/invoices/" + mias.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyManagementDecidesForKeyClients() {
        ProcessInstance keyCase = overdueInvoice(client("mia", true));
        String decision = openTask(keyCase).getId();
        String body = """
                {"variables": {"keyClientDecision": {"value": "STANDARD"},
                               "keyClientReason": {"value": "no exception"}}}""";

        assertThat(post("mia", "/engine-rest/task/" + decision + "/complete", body).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("lena", "/engine-rest/task/" + decision + "/complete", body).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("mia", "/engine-rest/task/" + decision + "/claim", "{\"userId\": \"mia\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(openTask(keyCase).getId()).isEqualTo(decision);
        assertThat(openTask(keyCase).getAssignee()).isNull();

        assertThat(post("dora", "/engine-rest/task/" + decision + "/complete", body).getStatusCode())
                .as("claimed first").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("dora", "/engine-rest/task/" + decision + "/claim", "{\"userId\": \"dora\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("dora", "/engine-rest/task/" + decision + "/complete", body).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(openTask(keyCase).getTaskDefinitionKey()).isEqualTo(Activities.NEGOTIATE_PAYMENT);
    }

    @Test
    void aLawyerClaimsAndCompletesTheLegalTaskAndReadsTheCase() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        assertThat(get("lena", "/api/invoices/" + instance.getBusinessKey()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses"));
        String claimTask = openTask(instance).getId();

        JsonNode queue = get("lena", "/engine-rest/task?candidateGroup=legal&unassigned=true").getBody();
        assertThat(queue.findValuesAsText("id")).contains(claimTask);
        assertThat(post("lena", "/engine-rest/task/" + claimTask + "/claim", "{\"userId\": \"lena\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("lena", "/engine-rest/task/" + claimTask + "/complete", """
                {"variables": {"claimNumber": {"value": "CL-77"}, "claimSentOn": {"value": "%s"}}}"""
                .formatted(TODAY)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(Activities.CLAIM_PERIOD_PASSED);
        assertThat(get("lena", "/api/invoices/" + instance.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("lena", "/engine-rest/process-instance/" + instance.getId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void financeRegistersPaymentsAndSalesCannot() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        String payment = """
                {"paymentId": "P-%s", "invoiceNumber": "%s", "amount": 10.00, "currency": "EUR", "paidOn": "2027-01-11"}"""
                .formatted(instance.getBusinessKey(), instance.getBusinessKey());

        assertThat(post("mia", "/api/payments", payment).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("1000.00");
        assertThat(post("fred", "/api/payments", payment).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(invoiceOf(instance).getOpenAmount()).isEqualByComparingTo("990.00");
        String number = newInvoiceNumber();
        String invoice = """
                {"number": "%s", "clientId": "%s", "amount": 10.00, "currency": "EUR",
                 "issueDate": "2027-01-01", "dueDate": "2027-01-31"}""".formatted(number, invoiceOf(instance).getClientId());
        assertThat(post("mia", "/api/invoices", invoice).getStatusCode()).as("a valid invoice, but not hers to register")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.instance(number)).isEmpty();
    }

    @Test
    void completingATaskSetsOnlyItsOwnFields() {
        ProcessInstance keyCase = overdueInvoice(client("mia", true));
        completeAs("dora", keyCase, Map.of(KEY_CLIENT_DECISION, "STANDARD", KEY_CLIENT_REASON, "no exception"));
        String negotiation = openTask(keyCase).getId();

        ResponseEntity<JsonNode> sneaky = post("mia", "/engine-rest/task/" + negotiation + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "NO_AGREEMENT"}, "negotiationNote": {"value": "no"},
                               "keyClient": {"value": false, "type": "Boolean"}, "lawyer": {"value": "mia"}}}""");

        assertThat(sneaky.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sneaky.getBody().get("message").asText())
                .contains("keyClient is not a field of this task", "lawyer is not a field of this task");
        assertThat(runtime.getVariables(keyCase.getId())).doesNotContainKeys("keyClient", LAWYER);
        assertThat(openTask(keyCase).getId()).isEqualTo(negotiation);
    }

    @Test
    void aHeadOfSalesChangesOnlyTheTeamsClients() {
        String southern = client("otto", false);
        String northern = client("max", false);
        String body = "{\"name\": \"Renamed\", \"owner\": \"%s\"}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThat(http.withBasicAuth("sam", "secret").exchange("/api/clients/" + southern, HttpMethod.PUT,
                new HttpEntity<>(body.formatted("mia"), headers), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("sam", "secret").exchange("/api/clients/" + northern, HttpMethod.PUT,
                new HttpEntity<>(body.formatted("mia"), headers), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("hugo", "secret").exchange("/api/clients/" + northern, HttpMethod.PUT,
                new HttpEntity<>(body.formatted("otto"), headers), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(clients.get(southern).getOwner()).isEqualTo("otto");
        assertThat(clients.get(northern).getOwner()).isEqualTo("mia");
    }

    @Test
    void oversizedRequestsAreRefusedBeforeTheyAreRead() {
        String huge = "{\"paymentId\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        ResponseEntity<JsonNode> refused = post("fred", "/api/payments", huge);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void theH2ConsoleIsOff() {
        assertThat(http.getForEntity("/h2-console", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void financeAndManagementReadEveryCase() {
        ProcessInstance instance = overdueInvoice(client("max", false));
        assertThat(get("fred", "/api/invoices/" + instance.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("dora", "/api/invoices/" + instance.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("dora", "/engine-rest/process-instance/" + instance.getId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
