package dev.collectflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.commitment.Commitments;
import dev.collectflow.commitment.PlannedInstalment;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.pressure.PressureScaleProcess;
import dev.collectflow.system.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A sales manager's call at a set time, in Camunda Tasklist in a real browser against the running application. */
class CallsE2EIT extends TasklistBrowserTestSupport {

    @Autowired Commitments commitments;

    /** A case of mia's client whose pressure scale has reached the call, today at 10:00. */
    private ProcessInstance callDueToday() {
        String clientId = "call-" + newInvoiceNumber().toLowerCase();
        clients.save(clientId, new ClientDetails("Contoso AG", "ap@" + clientId + ".example", "+49 30 777 11",
                "Carla Conti", "mia", false, "en"));
        LocalDate today = LocalDate.now(BERLIN);
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal("2500.00"), "EUR", today.minusDays(33),
                today.minusDays(3)), "fred");
        ProcessInstance scale = runtime.createProcessInstanceQuery().processDefinitionKey(PressureScaleProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        runtime.setVariables(scale.getId(), Map.of(PressureScaleProcess.Variables.STEP, "CALL",
                PressureScaleProcess.Variables.STEP_AT, Date.from(today.atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant()),
                PressureScaleProcess.Variables.STEP_OWNER, "mia"));
        runtime.createProcessInstanceModification(scale.getId())
                .startBeforeActivity(PressureScaleProcess.Activities.CALL_CLIENT).execute();
        return cases.instance(number).orElseThrow();
    }

    /**
     * A case of mia's client with a payment plan whose pressure scale has both of the owner's steps open today: the
     * friendly first call and the call at the set time.
     */
    private ProcessInstance callsTodayOnACaseWithAPlan(LocalDate firstInstalment, LocalDate secondInstalment) {
        String clientId = "plan-" + newInvoiceNumber().toLowerCase();
        clients.save(clientId, new ClientDetails("Fabrikam KG", "ap@" + clientId + ".example", "+49 30 888 22",
                "Frank Fischer", "mia", false, "en"));
        LocalDate today = LocalDate.now(BERLIN);
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal("2500.00"), "EUR", today.minusDays(33),
                today.minusDays(3)), "fred");
        commitments.recordPlan(number, List.of(
                new PlannedInstalment(firstInstalment, new BigDecimal("1000.00"), endOf(firstInstalment).toInstant()),
                new PlannedInstalment(secondInstalment, new BigDecimal("1500.00"), endOf(secondInstalment).toInstant())),
                "mia");
        ProcessInstance scale = runtime.createProcessInstanceQuery().processDefinitionKey(PressureScaleProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        runtime.setVariables(scale.getId(), Map.of(PressureScaleProcess.Variables.STEP, "CALL",
                PressureScaleProcess.Variables.STEP_AT, Date.from(today.atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant()),
                PressureScaleProcess.Variables.STEP_OWNER, "mia"));
        runtime.createProcessInstanceModification(scale.getId())
                .startBeforeActivity(PressureScaleProcess.Activities.REMIND_OWNER)
                .startBeforeActivity(PressureScaleProcess.Activities.CALL_CLIENT).execute();
        return cases.instance(number).orElseThrow();
    }

    @Test
    void theReminderAndTheCallShowTheCasesPaymentPlan() {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate first = today.plusDays(7);
        LocalDate second = today.plusDays(37);
        String number = callsTodayOnACaseWithAPlan(first, second).getBusinessKey();
        String firstLine = first + " · " + Money.format(new BigDecimal("1000.00"), "EUR") + " · paid "
                + Money.format(BigDecimal.ZERO, "EUR");
        String secondLine = second + " · " + Money.format(new BigDecimal("1500.00"), "EUR") + " · paid "
                + Money.format(BigDecimal.ZERO, "EUR");

        browser.logIn("mia", "secret");
        assertThat(browser.openFilter("Today's calls")).contains(
                "Call the contact (friendly first call) — " + number + ", Fabrikam KG",
                "Call client at the set time — " + number + ", Fabrikam KG");
        assertThat(browser.openTask("Call the contact (friendly first call) — " + number))
                .as("remind-owner.form").contains("Payment plan", firstLine, secondLine);
        assertThat(browser.openTask("Call client at the set time — " + number))
                .as("call-client.form").contains("Payment plan", firstLine, secondLine);
    }

    @Test
    void aSalesManagerOpensTodaysCallsAndRecordsWhatWasAgreed() {
        ProcessInstance instance = callDueToday();
        String number = instance.getBusinessKey();

        browser.logIn("mia", "secret");
        assertThat(browser.openFilter("Today's calls")).contains("Call client at the set time — " + number + ", Contoso AG");
        String form = browser.openTask(number);
        assertThat(form).contains(number + " · Contoso AG", "Open amount: 2,500.00 EUR", "Carla Conti, +49 30 777 11",
                "10:00 (Europe/Berlin)");

        browser.choose("Reached somebody at the client");
        browser.fill("Who was reached", "Carla Conti, head of accounting");
        browser.fill("What was agreed", "Pays 2,500.00 EUR on Friday by bank transfer");
        browser.complete();
        browser.waitUntilCompleted(number);

        var call = lastEvent(instance, CaseEventType.CALL_MADE);
        assertThat(call.getActor()).isEqualTo("mia");
        assertThat(call.getDetail()).isEqualTo(
                "Reached Carla Conti, head of accounting; agreed: Pays 2,500.00 EUR on Friday by bank transfer");
        assertThat(tasks.createTaskQuery().taskAssignee("mia").processInstanceBusinessKey(number)
                .taskDefinitionKey(PressureScaleProcess.Activities.CALL_CLIENT).count()).isZero();
    }
}
