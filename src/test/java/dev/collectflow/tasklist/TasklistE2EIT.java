package dev.collectflow.tasklist;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.invoice.InvoiceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The people of the regulation in Camunda Tasklist, in a real browser, against the running application. The
 * server keeps real time here: the browser's date pickers know only today.
 */
class TasklistE2EIT extends TasklistBrowserTestSupport {

    @Autowired TestRestTemplate http;

    @Autowired Deadlines deadlines;

    /** Today as the application sees it (its zone and clock, here real time), not as the JVM does. */
    private LocalDate today() {
        return deadlines.today();
    }

    /** An invoice of 1,000.00 EUR that fell due yesterday, run up to its first task. */
    private ProcessInstance overdueToday(String clientId) {
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal("1000.00"), "EUR", today().minusDays(31),
                today().minusDays(1)), "fred");
        ProcessInstance instance = cases.instance(number).orElseThrow();
        runDueJobs(instance);
        return instance;
    }

    private JsonNode caseView(String user, ProcessInstance instance) {
        return http.withBasicAuth(user, "secret").getForObject("/api/invoices/" + instance.getBusinessKey(), JsonNode.class);
    }

    @Test
    void aSalesManagerRecordsAPromiseToPay() {
        String clientId = client("mia", false);
        ProcessInstance instance = overdueToday(clientId);
        String number = instance.getBusinessKey();

        browser.logIn("mia", "secret");
        assertThat(browser.openFilter("My cases")).contains("Negotiate payment — " + number + ", Client " + clientId);
        String form = browser.openTask(number);
        assertThat(form).contains(number + " · Client " + clientId, "Open amount: 1,000.00 EUR", "days overdue: 1",
                "Case so far", "Overdue notice");

        browser.choose("Client promises to pay in full by a date");
        browser.fillDate("Promised payment date", today().plusDays(7));
        browser.complete();
        browser.waitUntilCompleted(number);

        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(PROMISED_DATE_PASSED);
        assertThat(timer(instance).getDuedate()).isEqualTo(endOf(today().plusDays(7 + 3)));
        JsonNode view = caseView("mia", instance);
        assertThat(view.get("stage").asText()).isEqualTo("PROMISE_TO_PAY");
        assertThat(view.get("history").findValuesAsText("type")).contains("PROMISE_TO_PAY");
        assertThat(view.get("history").findValuesAsText("actor")).contains("mia");
    }

    @Test
    void anInvalidPromiseDateCannotBeCompletedAndTheFormSaysWhy() {
        ProcessInstance instance = overdueToday(client("mia", false));
        String number = instance.getBusinessKey();
        String taskId = openTask(instance).getId();

        browser.logIn("mia", "secret");
        browser.openFilter("My cases");
        assertThat(browser.openTask(number)).doesNotContain("Promised payment date");
        browser.choose("Client promises to pay in full by a date");

        // the date picker refuses a past day: the field stays empty, says so, and Complete stays disabled
        browser.fillDate("Promised payment date", today().minusDays(2));
        assertThat(browser.fieldErrors()).contains("Field is required.");
        assertThat(browser.canComplete()).isFalse();

        // a day beyond what the regulation waits for passes the form, but the server refuses it and Tasklist says why
        browser.fillDate("Promised payment date", today().plusDays(60));
        browser.complete();
        assertThat(browser.errorNotification())
                .contains("promisedDate must not be later than " + today().plusDays(30));

        assertThat(openTask(instance).getId()).isEqualTo(taskId);
        assertThat(runtime.getVariable(instance.getId(), NEGOTIATION_OUTCOME)).isNull();
        assertThat(browser.taskStillListed(number)).isTrue();
    }

    @Test
    void aLawyerTakesTheClaimFromTheLegalQueueAndSendsIt() {
        ProcessInstance instance = overdueToday(client("mia", false));
        String number = instance.getBusinessKey();
        completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses to pay"));

        browser.logIn("lena", "secret");
        assertThat(browser.openFilter("Legal queue")).anyMatch(name -> name.startsWith("Send pre-court claim — " + number));
        assertThat(browser.openTask(number)).contains("No agreement", "refuses to pay");
        browser.claim();
        browser.fill("Claim number", "CL-E2E-" + number);
        browser.fillDate("Sent on", today());
        browser.complete();
        browser.waitUntilCompleted(number);

        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(CLAIM_PERIOD_PASSED);
        assertThat(timer(instance, CLAIM_PERIOD_PASSED).getDuedate()).isEqualTo(endOf(today().plusMonths(1)));
        assertThat(runtime.getVariable(instance.getId(), LAWYER)).isEqualTo("lena");
    }

    @Test
    void aDirectorForgivesAKeyClientAndTheHistorySaysWho() {
        ProcessInstance instance = overdueToday(client("mia", true));
        String number = instance.getBusinessKey();

        browser.logIn("dora", "secret");
        assertThat(browser.openFilter("Management decisions"))
                .anyMatch(name -> name.startsWith("Decide on key-client exception — " + number));
        assertThat(browser.openTask(number)).contains("(key client)", "60");
        browser.claim();
        browser.choose("Forgive the overdue for some days, then decide again");
        browser.fill("Days forgiven", "14");
        browser.fill("Reason", "Strategic account; payment expected with the March budget");
        browser.complete();
        browser.waitUntilCompleted(number);

        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(FORGIVENESS_PERIOD_OVER);
        JsonNode history = caseView("dora", instance).get("history");
        JsonNode forgiven = null;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("KEY_CLIENT_FORGIVEN")) {
                forgiven = event;
            }
        }
        assertThat(forgiven).isNotNull();
        assertThat(forgiven.get("actor").asText()).isEqualTo("dora");
        assertThat(forgiven.get("detail").asText()).contains("14 days", "March budget");
    }

    @Test
    void aClientNamedLikeMarkupIsShownAsTextAndRunsNoScript() {
        String markup = "<img src=x onerror=alert(1)>";
        String clientId = client("mia", false);
        clients.save(clientId, new ClientDetails(markup, "accounts@" + clientId + ".example", null, null, "mia",
                false, "en"));
        ProcessInstance instance = overdueToday(clientId);
        String number = instance.getBusinessKey();

        browser.watchForInjectedScripts();
        browser.logIn("mia", "secret");
        assertThat(browser.openFilter("My cases")).contains("Negotiate payment — " + number + ", " + markup);
        String form = browser.openTask(number);
        browser.screenshot("name shown as text");

        assertThat(form).contains(number + " · " + markup);
        assertThat(browser.pageText()).contains("Negotiate payment — " + number + ", " + markup);
        assertThat(browser.pageText()).as("the task list's Client column shows the name as typed")
                .contains("Client:\n" + markup).doesNotContain("\\<img");
        assertThat(browser.imagesWithErrorHandlers()).isZero();
        assertThat(browser.injectedScriptEvents()).isEmpty();
    }

    @Test
    void aHeadOfSalesSeesTheManagersNameAndTakesTheNegotiationOverInTasklist() {
        ProcessInstance instance = overdueToday(client("mia", false));
        String number = instance.getBusinessKey();

        browser.logIn("sam", "secret");
        assertThat(browser.openFilter("My team")).anyMatch(name -> name.contains(number));
        browser.openTask(number);
        assertThat(browser.assigneeShown()).isEqualTo("Mia Test");
        browser.takeOver("sam", "Sam Test");

        assertThat(openTask(instance).getAssignee()).isEqualTo("sam");
        assertThat(lastEvent(instance, CaseEventType.TASK_TAKEN_OVER).getActor()).isEqualTo("sam");
    }
}
