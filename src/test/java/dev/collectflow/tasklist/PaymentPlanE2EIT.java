package dev.collectflow.tasklist;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.INSTALMENT_DATE_PASSED;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.invoice.InvoiceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A sales manager enters a payment plan in Camunda Tasklist, in a real browser against the running application; a
 * plan that does not add up is refused with the server's message. The server keeps real time here.
 */
class PaymentPlanE2EIT extends TasklistBrowserTestSupport {

    @Autowired TestRestTemplate http;
    @Autowired Deadlines deadlines;

    /** An invoice of 1,000.00 EUR of a client of mia's that fell due yesterday, run up to the negotiation. */
    private ProcessInstance overdueToday() {
        String number = newInvoiceNumber();
        LocalDate today = deadlines.today();
        cases.register(new InvoiceData(number, client("mia", false), new BigDecimal("1000.00"), "EUR",
                today.minusDays(31), today.minusDays(1)), "fred");
        ProcessInstance instance = cases.instance(number).orElseThrow();
        runDueJobs(instance);
        return instance;
    }

    private static String plan(LocalDate... days) {
        return days[0] + " 400.00\n" + days[1] + " 600.00";
    }

    @Test
    void aSalesManagerEntersAPaymentPlan() {
        ProcessInstance instance = overdueToday();
        String number = instance.getBusinessKey();
        LocalDate today = deadlines.today();

        browser.logIn("mia", "secret");
        browser.openFilter("My cases");
        assertThat(browser.openTask(number)).doesNotContain("Instalments: one a line");
        browser.choose("Client agrees a payment plan (instalments)");
        browser.fill("Instalments: one a line", plan(today.plusDays(7), today.plusDays(37)));
        browser.complete();
        browser.waitUntilCompleted(number);

        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(INSTALMENT_DATE_PASSED);
        JsonNode view = http.withBasicAuth("mia", "secret").getForObject("/api/invoices/" + number, JsonNode.class);
        assertThat(view.get("stage").asText()).isEqualTo("PAYMENT_PLAN");
        assertThat(view.get("paymentPlan").get("agreedBy").asText()).isEqualTo("mia");
        assertThat(view.get("paymentPlan").get("instalments").findValuesAsText("dueOn"))
                .containsExactly(today.plusDays(7).toString(), today.plusDays(37).toString());
        assertThat(view.get("history").findValuesAsText("type")).contains("PAYMENT_PLAN_AGREED");
    }

    @Test
    void aPlanThatDoesNotAddUpIsRefusedWithTheFormsMessage() {
        ProcessInstance instance = overdueToday();
        String number = instance.getBusinessKey();
        String taskId = openTask(instance).getId();
        LocalDate today = deadlines.today();

        browser.logIn("mia", "secret");
        browser.openFilter("My cases");
        browser.openTask(number);
        browser.choose("Client agrees a payment plan (instalments)");
        browser.fill("Instalments: one a line", today.plusDays(7) + " 400.00\n" + today.plusDays(37) + " 500.00");
        browser.complete();

        assertThat(browser.errorNotification()).contains("paymentPlan",
                "instalments add up to 900.00 but the open amount is 1000.00");
        assertThat(openTask(instance).getId()).isEqualTo(taskId);
        assertThat(runtime.getVariable(instance.getId(), NEGOTIATION_OUTCOME)).isNull();
        assertThat(cases.view(number).paymentPlan()).isNull();
        assertThat(browser.taskStillListed(number)).isTrue();
    }
}
