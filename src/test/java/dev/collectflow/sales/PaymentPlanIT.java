package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.collection.CaseStage;
import dev.collectflow.collection.CaseTaskContext;
import dev.collectflow.collection.CaseView;
import dev.collectflow.commitment.Grade;
import dev.collectflow.commitment.PaymentPlanView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payment plans and graded promises on the real application, with the clock moved: instalments watched in turn,
 * payments applied to them in order, a missed one sending the case to legal at once, bad plans refused with nothing
 * stored, every promise and instalment recorded as kept, partly kept or broken, and the promise KPI over HTTP.
 * Cases start overdue on Monday 2027-01-11 with 1,000.00 EUR open; the tolerance is three days.
 */
class PaymentPlanIT extends CollectionTestSupport {

    /** Three instalments adding up to the open 1,000.00. */
    private static final String PLAN = "2027-01-20 300.00\n2027-02-10 300.00\n2027-03-01 400.00";

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    private ProcessInstance inNegotiationWithMia() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
        return instance;
    }

    private ProcessInstance withPlan(String plan) {
        ProcessInstance instance = inNegotiationWithMia();
        completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PAYMENT_PLAN", PAYMENT_PLAN, plan));
        return instance;
    }

    /** Moves the clock to the given time of day in Berlin and runs what is due. */
    private void on(LocalDate day, int hour, ProcessInstance instance) {
        clock.set(day.atTime(hour, 0).atZone(BERLIN).toInstant());
        runDueJobs(instance);
    }

    private List<Grade> grades(ProcessInstance instance) {
        return cases.view(instance.getBusinessKey()).paymentPlan().instalments().stream()
                .map(PaymentPlanView.Line::grade).toList();
    }

    private List<CaseEventType> events(ProcessInstance instance) {
        return history(instance).stream().map(CaseEvent::getType).toList();
    }

    @Nested
    class PaymentPlans {

        @Test
        void aPlanKeptInstalmentByInstalmentEndsTheCaseAsPaid() {
            ProcessInstance instance = withPlan(PLAN);

            assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).as("the first instalment's date plus three days")
                    .isEqualTo(endOf(LocalDate.of(2027, 1, 23)));
            assertThat(cases.stage(instance.getBusinessKey())).isEqualTo(CaseStage.PAYMENT_PLAN);
            assertThat(lastEvent(instance, CaseEventType.PAYMENT_PLAN_AGREED).getActor()).isEqualTo("mia");
            assertThat(lastEvent(instance, CaseEventType.PAYMENT_PLAN_AGREED).getDetail())
                    .contains("3 instalments", "2027-01-20 300.00", "2027-03-01 400.00");
            PaymentPlanView plan = cases.view(instance.getBusinessKey()).paymentPlan();
            assertThat(plan.total()).isEqualByComparingTo("1000.00");
            assertThat(plan.agreedBy()).isEqualTo("mia");
            assertThat(plan.instalments()).extracting(PaymentPlanView.Line::dueOn).containsExactly(
                    LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 3, 1));

            on(LocalDate.of(2027, 1, 19), 10, instance);
            pay(instance, "300.00");
            assertThat(grades(instance)).containsExactly(Grade.KEPT, null, null);

            on(LocalDate.of(2027, 1, 24), 10, instance);
            assertThat(instance).hasPassed(CHECK_INSTALMENTS).isWaitingAt(INSTALMENT_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 2, 13)));

            on(LocalDate.of(2027, 2, 12), 10, instance);
            pay(instance, "300.00");
            on(LocalDate.of(2027, 2, 14), 10, instance);
            assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);
            on(LocalDate.of(2027, 2, 28), 10, instance);
            pay(instance, "400.00");
            runDueJobs(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).hasNotPassed(HAND_OVER_TO_LEGAL).isEnded();
            assertThat(grades(instance)).containsExactly(Grade.KEPT, Grade.KEPT, Grade.KEPT);
            assertThat(events(instance)).containsSubsequence(CaseEventType.PAYMENT_PLAN_AGREED,
                    CaseEventType.INSTALMENT_KEPT, CaseEventType.INSTALMENT_KEPT, CaseEventType.INSTALMENT_KEPT,
                    CaseEventType.PAID);
        }

        @Test
        void aMissedInstalmentGoesToLegalAtOnceAndSaysWhy() {
            ProcessInstance instance = withPlan(PLAN);

            on(LocalDate.of(2027, 1, 23), 23, instance);
            assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);

            on(LocalDate.of(2027, 1, 24), 0, instance);

            assertThat(instance).hasPassed(CHECK_INSTALMENTS, HAND_OVER_TO_LEGAL).isWaitingAt(SEND_CLAIM);
            assertThat(runtime.getVariable(instance.getId(), ESCALATION_REASON)).isEqualTo("PAYMENT_PLAN_BROKEN");
            assertThat(lastEvent(instance, CaseEventType.HANDED_TO_LEGAL).getDetail())
                    .contains("missed an instalment of the payment plan");
            assertThat(grades(instance)).containsExactly(Grade.BROKEN, null, null);
            Task claim = openTask(instance);
            assertThat(tasks.getVariable(claim.getId(), CaseTaskContext.PAYMENT_PLAN).toString())
                    .as("the lawyer's form shows the plan and how it was kept")
                    .contains("2027-01-20 · 300.00", "Broken", "2027-03-01 · 400.00");
        }

        @Test
        void aPaymentLargerThanAnInstalmentCountsForTheNextOnes() {
            ProcessInstance instance = withPlan(PLAN);

            on(LocalDate.of(2027, 1, 15), 10, instance);
            pay(instance, "600.00");
            assertThat(grades(instance)).containsExactly(Grade.KEPT, Grade.KEPT, null);

            on(LocalDate.of(2027, 1, 24), 10, instance);

            assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).as("the second instalment is paid: the third is next")
                    .isEqualTo(endOf(LocalDate.of(2027, 3, 4)));
        }

        @Test
        void partialPaymentsAcrossInstalmentsLeaveOnePartlyKeptAndTheCaseGoesToLegal() {
            ProcessInstance instance = withPlan(PLAN);

            on(LocalDate.of(2027, 1, 18), 10, instance);
            pay(instance, "200.00");
            on(LocalDate.of(2027, 1, 22), 10, instance);
            pay(instance, "250.00");
            assertThat(grades(instance)).as("300 of the 450 paid the first instalment").containsExactly(
                    Grade.KEPT, null, null);
            PaymentPlanView.Line second = cases.view(instance.getBusinessKey()).paymentPlan().instalments().get(1);
            assertThat(second.paid()).isEqualByComparingTo("150.00");

            on(LocalDate.of(2027, 1, 24), 10, instance);
            assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);
            on(LocalDate.of(2027, 2, 14), 10, instance);

            assertThat(instance).isWaitingAt(SEND_CLAIM);
            assertThat(runtime.getVariable(instance.getId(), ESCALATION_REASON)).isEqualTo("PAYMENT_PLAN_BROKEN");
            assertThat(grades(instance)).containsExactly(Grade.KEPT, Grade.PARTLY_KEPT, null);
            assertThat(lastEvent(instance, CaseEventType.INSTALMENT_PARTLY_KEPT).getDetail())
                    .contains("Instalment 2", "150.00 paid");
        }

        @Test
        void theCaseViewShowsThePlanOverTheApi() {
            ProcessInstance instance = withPlan(PLAN);
            pay(instance, "100.00");

            JsonNode view = http.withBasicAuth("fred", "secret")
                    .getForEntity("/api/invoices/" + instance.getBusinessKey(), JsonNode.class).getBody();

            assertThat(view.get("stage").asText()).isEqualTo("PAYMENT_PLAN");
            JsonNode instalments = view.get("paymentPlan").get("instalments");
            assertThat(instalments.findValuesAsText("dueOn")).containsExactly("2027-01-20", "2027-02-10", "2027-03-01");
            assertThat(instalments.get(0).get("paid").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(instalments.get(0).has("grade")).isFalse();
        }
    }

    @Nested
    class BadPlans {

        private void refused(String plan, String message) {
            ProcessInstance instance = inNegotiationWithMia();
            Task before = openTask(instance);

            assertThatThrownBy(() -> completeAs("mia", instance,
                    Map.of(NEGOTIATION_OUTCOME, "PAYMENT_PLAN", PAYMENT_PLAN, plan)))
                    .hasStackTraceContaining("paymentPlan").hasStackTraceContaining(message);

            assertThat(openTask(instance).getId()).isEqualTo(before.getId());
            assertThat(runtime.getVariable(instance.getId(), NEGOTIATION_OUTCOME)).isNull();
            assertThat(events(instance)).doesNotContain(CaseEventType.PAYMENT_PLAN_AGREED);
            assertThat(jdbc.queryForObject("select count(*) from payment_plan where invoice_number = ?",
                    Integer.class, instance.getBusinessKey())).isZero();
            assertThat(cases.view(instance.getBusinessKey()).paymentPlan()).isNull();
        }

        @Test
        void instalmentsThatDoNotAddUpToTheOpenAmount() {
            refused("2027-01-20 300.00\n2027-02-10 300.00",
                    "instalments add up to 600.00 but the open amount is 1000.00");
        }

        @Test
        void anInstalmentInThePast() {
            refused("2027-01-10 500.00\n2027-02-10 500.00", "line 1: 2027-01-10 is in the past");
        }

        @Test
        void anInstalmentBeyondTheHorizon() {
            refused("2027-01-20 500.00\n2027-07-12 500.00",
                    "line 2: 2027-07-12 is later than 2027-07-11, the latest day a plan may reach");
        }

        @Test
        void datesThatDoNotRise() {
            refused("2027-02-10 500.00\n2027-02-10 500.00",
                    "line 2: 2027-02-10 must come after the instalment before it");
        }

        @Test
        void aSingleInstalment() {
            refused("2027-02-10 1000.00", "must have at least two instalments");
        }

        @Test
        void aLineThatIsNoInstalment() {
            refused("2027-01-20 500,00\n2027-02-10 500.00",
                    "line 1 must be a date and an amount like 2027-02-15 400.00");
        }

        @Test
        void noPlanAtAll() {
            refused("  ", "paymentPlan is required");
        }

        @Test
        void aPlanWithAnotherOutcome() {
            ProcessInstance instance = inNegotiationWithMia();
            assertThatThrownBy(() -> completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(5).toString(), PAYMENT_PLAN, PLAN)))
                    .hasStackTraceContaining("paymentPlan does not belong to negotiationOutcome PROMISE");
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
        }
    }

    @Nested
    class OverTheRestApi {

        private ResponseEntity<JsonNode> submitForm(String user, String taskId, String body) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return http.withBasicAuth(user, "secret").exchange("/engine-rest/task/" + taskId + "/submit-form",
                    HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        }

        private static String plan(String text) {
            return """
                    {"variables": {"negotiationOutcome": {"value": "PAYMENT_PLAN", "type": "String"},
                                   "paymentPlan": {"value": "%s", "type": "String"}}}"""
                    .formatted(text.replace("\n", "\\n"));
        }

        @Test
        void theSalesManagerSubmitsAPlanAsTasklistDoes() {
            ProcessInstance instance = inNegotiationWithMia();

            ResponseEntity<JsonNode> answer = submitForm("mia", openTask(instance).getId(), plan(PLAN));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs(instance);
            assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);
            assertThat(cases.view(instance.getBusinessKey()).paymentPlan().instalments()).hasSize(3);
        }

        @Test
        void aBadPlanIsA400NamingTheFieldAndChangesNothing() {
            ProcessInstance instance = inNegotiationWithMia();

            ResponseEntity<JsonNode> answer = submitForm("mia", openTask(instance).getId(),
                    plan("2027-01-20 300.00\n2027-02-10 300.00"));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly(PAYMENT_PLAN);
            assertThat(answer.getBody().get("message").asText()).contains("must add up to it exactly");
            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(jdbc.queryForObject("select count(*) from payment_plan where invoice_number = ?",
                    Integer.class, instance.getBusinessKey())).isZero();
        }
    }

    @Nested
    class PromisesAreGraded {

        private ProcessInstance promised() {
            ProcessInstance instance = inNegotiationWithMia();
            completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(5).toString()));
            return instance;
        }

        @Test
        void paidInFullByTheDateItIsKept() {
            ProcessInstance instance = promised();
            travel(Duration.ofDays(4));

            pay(instance, "1000.00");
            runDueJobs(instance);

            assertThat(instance).isEnded();
            CaseView view = cases.view(instance.getBusinessKey());
            assertThat(view.promises()).singleElement().satisfies(p -> {
                assertThat(p.grade()).isEqualTo(Grade.KEPT);
                assertThat(p.paid()).isEqualByComparingTo("1000.00");
                assertThat(p.madeBy()).isEqualTo("mia");
            });
            assertThat(events(instance)).contains(CaseEventType.PROMISE_KEPT);
        }

        @Test
        void somethingPaidIsPartlyKeptAndStillGoesToLegal() {
            ProcessInstance instance = promised();
            travel(Duration.ofDays(2));
            pay(instance, "400.00");
            assertThat(cases.view(instance.getBusinessKey()).promises().get(0).grade()).isNull();

            travel(Duration.ofDays(7));
            runDueJobs(instance);

            assertThat(instance).hasPassed(GRADE_PROMISE).isWaitingAt(SEND_CLAIM);
            assertThat(runtime.getVariable(instance.getId(), ESCALATION_REASON)).isEqualTo("PROMISE_BROKEN");
            assertThat(cases.view(instance.getBusinessKey()).promises()).singleElement().satisfies(p -> {
                assertThat(p.grade()).isEqualTo(Grade.PARTLY_KEPT);
                assertThat(p.paid()).isEqualByComparingTo("400.00");
            });
            assertThat(lastEvent(instance, CaseEventType.PROMISE_PARTLY_KEPT).getDetail()).contains("400.00 paid");
        }

        @Test
        void nothingPaidIsBroken() {
            ProcessInstance instance = promised();

            travel(Duration.ofDays(9));
            runDueJobs(instance);

            assertThat(instance).isWaitingAt(SEND_CLAIM);
            assertThat(cases.view(instance.getBusinessKey()).promises().get(0).grade()).isEqualTo(Grade.BROKEN);
            assertThat(events(instance)).containsSubsequence(CaseEventType.PROMISE_TO_PAY,
                    CaseEventType.PROMISE_BROKEN, CaseEventType.HANDED_TO_LEGAL);
        }
    }

    @Nested
    class PromiseKpi {

        private ResponseEntity<JsonNode> get(String user, String path) {
            return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
        }

        @Test
        void promisesAndInstalmentsKeptPartlyAndBrokenPerManagerTeamAndCompany() {
            String clientId = client("mia", false);
            // a promise kept, a promise partly kept, a promise broken
            ProcessInstance kept = overdueInvoice(clientId);
            ProcessInstance partly = overdueInvoice(clientId);
            ProcessInstance broken = overdueInvoice(clientId);
            ProcessInstance plan = overdueInvoice(clientId);
            for (ProcessInstance promise : List.of(kept, partly, broken)) {
                completeAs("mia", promise, Map.of(NEGOTIATION_OUTCOME, "PROMISE",
                        PROMISED_DATE, TODAY.plusDays(5).toString()));
            }
            completeAs("mia", plan, Map.of(NEGOTIATION_OUTCOME, "PAYMENT_PLAN", PAYMENT_PLAN, PLAN));
            pay(kept, "1000.00");
            pay(partly, "10.00");
            pay(plan, "300.00");
            on(LocalDate.of(2027, 2, 14), 10, kept);
            List.of(partly, broken, plan).forEach(instance -> runDueJobs(instance));

            String filter = "?from=2027-01-01&to=2027-12-31&client=" + clientId;
            ResponseEntity<JsonNode> mine = get("mia", "/api/kpis/promises" + filter);
            assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(mine.getBody().get("kpi").asText()).isEqualTo("promises");
            assertThat(mine.getBody().get("by").asText()).isEqualTo("manager");
            JsonNode rows = mine.getBody().get("rows");
            assertThat(rows).hasSize(2);
            JsonNode promises = rows.get(0);
            assertThat(promises.get("subject").asText()).isEqualTo("mia");
            assertThat(promises.get("kind").asText()).isEqualTo("PROMISE");
            assertThat(promises.get("graded").asLong()).isEqualTo(3);
            assertThat(promises.get("kept").asLong()).isEqualTo(1);
            assertThat(promises.get("partlyKept").asLong()).isEqualTo(1);
            assertThat(promises.get("broken").asLong()).isEqualTo(1);
            assertThat(promises.get("keptRate").decimalValue()).isEqualByComparingTo("33.33");
            JsonNode instalments = rows.get(1);
            assertThat(instalments.get("kind").asText()).isEqualTo("INSTALMENT");
            assertThat(instalments.get("graded").asLong()).as("the first kept, the second broken, the third never due")
                    .isEqualTo(2);
            assertThat(instalments.get("kept").asLong()).isEqualTo(1);
            assertThat(instalments.get("broken").asLong()).isEqualTo(1);

            assertThat(get("sam", "/api/kpis/promises" + filter + "&by=team").getBody().get("rows")
                    .findValuesAsText("subject")).containsOnly("teamnorth");
            assertThat(get("dora", "/api/kpis/promises" + filter + "&by=company").getBody().get("rows")
                    .findValuesAsText("graded")).containsExactly("3", "2");
            assertThat(get("hugo", "/api/kpis/promises" + filter).getBody().get("rows")).isEmpty();
            assertThat(get("mia", "/api/kpis/promises?manager=max").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get("lena", "/api/kpis/promises").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<JsonNode> badPeriod = get("fred", "/api/kpis/promises?from=2027-02-01&to=2027-01-01");
            assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(badPeriod.getBody().get("errors").findValuesAsText("field")).containsExactly("to");

            HttpHeaders csv = new HttpHeaders();
            csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
            ResponseEntity<String> asCsv = http.withBasicAuth("fred", "secret").exchange(
                    "/api/kpis/promises" + filter + "&by=company", HttpMethod.GET, new HttpEntity<>(csv), String.class);
            assertThat(asCsv.getBody().lines()).containsExactly(
                    "subject,kind,graded,kept,partlyKept,broken,keptRate",
                    "company,PROMISE,3,1,1,1,33.33",
                    "company,INSTALMENT,2,1,0,1,50.00");

            // the client changes hands: the grades stay with the manager who owned it when the invoices fell due
            ClientDetails details = clients.get(clientId).details();
            clients.save(clientId, new ClientDetails(details.name(), details.email(), details.phone(),
                    details.contactPerson(), "max", details.keyClient(), details.language()), "fred");
            assertThat(get("fred", "/api/kpis/promises" + filter).getBody().get("rows")
                    .findValuesAsText("subject")).containsOnly("mia");
            assertThat(get("max", "/api/kpis/promises" + filter).getBody().get("rows")).isEmpty();
        }
    }
}
