package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.collectflow.processtest.ProcessTestCase;
import dev.collectflow.staff.SalesTeams;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment plan as drawn in bpmn/InvoiceCollectionProcess.bpmn: the case waits for each instalment's check time,
 * goes on while every instalment due so far was paid in full, goes to legal at once when one was not, and ends as
 * paid when the last is paid. The plan's rules and grades are the application's ({@code PaymentPlanIT}); here the
 * check's answer and the check times are stand-ins.
 */
class PaymentPlanProcessTest extends ProcessTestCase {

    /** Check times the stand-in for {@code paymentPlans} hands out, one per instalment. */
    public static final class CheckTimes {
        private final Deque<Date> next = new ArrayDeque<>();

        public Date nextCheckAt(String invoiceNumber) {
            return next.pop();
        }
    }

    private final CheckTimes checkTimes = new CheckTimes();
    private final Deque<Boolean> keptAnswers = new ArrayDeque<>();

    @BeforeEach
    void standIns() {
        SalesTeams teams = mock(SalesTeams.class);
        when(teams.headsOf(anyString())).thenReturn(List.of("sam"));
        register("salesTeams", teams);
        register("paymentPlans", checkTimes);
        register("deadlines", new Deadlines(ENGINE_CLOCK, BERLIN, new RegulationProperties(Period.ofDays(10),
                Period.ofMonths(1), Period.ofDays(3), Period.ofDays(30), Period.ofDays(60), Period.ofDays(365),
                Period.ofDays(3))));
        glue("checkInstalments").does(execution -> execution.setVariable(INSTALMENTS_KEPT, keptAnswers.pop()));
    }

    /** A negotiation of mia's in which the client agrees a plan of two instalments. */
    private ProcessInstance planAgreed() {
        checkTimes.next.add(Date.from(START.plus(Duration.ofDays(10))));
        checkTimes.next.add(Date.from(START.plus(Duration.ofDays(40))));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey("INV-" + System.nanoTime())
                .setVariable(CLIENT_ID, "acme").setVariable(SALES_MANAGER, "mia")
                .setVariable(NEGOTIATION_DEADLINE, Date.from(START.plus(Duration.ofDays(10))))
                .startBeforeActivity(NEGOTIATE_PAYMENT)
                .execute();
        complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "PAYMENT_PLAN",
                PAYMENT_PLAN, "2027-01-18 500.00\n2027-02-18 500.00"));
        return instance;
    }

    @Test
    void eachInstalmentIsWatchedInTurnAndTheLastPaymentEndsTheCase() {
        ProcessInstance instance = planAgreed();

        assertThat(instance).isWaitingAt(INSTALMENT_DATE_PASSED);
        assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofDays(10))));

        keptAnswers.add(true);
        fireTimer(instance);

        assertThat(instance).hasPassed(CHECK_INSTALMENTS).isWaitingAt(INSTALMENT_DATE_PASSED);
        assertThat(timer(instance).getDuedate()).as("the next instalment's check")
                .isEqualTo(Date.from(START.plus(Duration.ofDays(40))));

        engine.getRuntimeService().createMessageCorrelation(InvoiceCollectionProcess.Messages.INVOICE_PAID)
                .processInstanceBusinessKey(instance.getBusinessKey()).correlateAllWithResult();
        continueAsync(instance);

        assertThat(instance).hasPassed(END_INVOICE_PAID).hasNotPassed(HAND_OVER_TO_LEGAL).isEnded();
    }

    @Test
    void aMissedInstalmentGoesToLegalAtOnceAndSaysWhy() {
        ProcessInstance instance = planAgreed();

        keptAnswers.add(false);
        fireTimer(instance);

        assertThat(instance).hasPassed(INSTALMENT_DATE_PASSED, CHECK_INSTALMENTS, HAND_OVER_TO_LEGAL)
                .isWaitingAt(SEND_CLAIM);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ESCALATION_REASON))
                .isEqualTo("PAYMENT_PLAN_BROKEN");
        assertThat(task(instance)).hasCandidateGroup("legal");
        assertThat(glue("checkInstalments").calls()).containsExactly(CHECK_INSTALMENTS);
    }

    @Test
    void theCaseShowsThePaymentPlanStage() {
        assertThat(CaseStage.of(List.of(INSTALMENT_DATE_PASSED))).isEqualTo(CaseStage.PAYMENT_PLAN);
        assertThat(CaseStage.of(List.of(CHECK_INSTALMENTS))).isEqualTo(CaseStage.PAYMENT_PLAN);
        assertThat(CaseStage.of(List.of(GRADE_PROMISE))).isEqualTo(CaseStage.PROMISE_TO_PAY);
    }
}
