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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.calendar.CalendarProperties;
import dev.collectflow.pressure.ClaimPulse;
import dev.collectflow.pressure.ClaimPulseProperties;
import dev.collectflow.processtest.ProcessTestCase;
import dev.collectflow.sales.NegotiationClock;
import dev.collectflow.staff.SalesTeams;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The collection regulation as drawn in bpmn/InvoiceCollectionProcess.bpmn, on an in-memory engine without Spring:
 * one test per path and detour, started in the middle where that is clearer, timers fired by executing their jobs.
 * The application's beans are stand-ins; deadlines are computed by the real {@link Deadlines}.
 */
class InvoiceCollectionProcessTest extends ProcessTestCase {

    private final Deadlines deadlines = new Deadlines(ENGINE_CLOCK, BERLIN, new RegulationProperties(Period.ofDays(10),
            Period.ofMonths(1), Period.ofDays(3), Period.ofDays(30), Period.ofDays(60), Period.ofDays(365),
            Period.ofDays(3)));
    private final NegotiationClock negotiationClock = new NegotiationClock(deadlines);
    private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties("de", "be", List.of(),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
            LocalTime.of(10, 0)), BERLIN, ENGINE_CLOCK);
    private final ClaimPulse claimPulse = new ClaimPulse(new ClaimPulseProperties(Period.ofDays(7),
            LocalTime.of(9, 0)), calendar);
    private final ClientFacts clientFacts = mock(ClientFacts.class);
    private String owner = "mia";
    private boolean amountLeft = true;
    private boolean clientBlocked = false;

    @BeforeEach
    void standIns() {
        SalesTeams teams = mock(SalesTeams.class);
        when(teams.headsOf(anyString())).thenAnswer(call -> "nia".equals(call.getArgument(0)) ? List.of() : List.of("sam"));
        register("deadlines", deadlines);
        register("negotiationClock", negotiationClock);
        register("claimPulse", claimPulse);
        register("salesTeams", teams);
        register("clientFacts", clientFacts);
        glue("confirmOpenAmount").does(execution -> execution.setVariable(SALES_MANAGER, owner));
        glue("correctInvoiceAmount").does(execution -> execution.setVariable(AMOUNT_LEFT, amountLeft));
        glue("recordNegotiationOutcome").doesOnTask(task -> {
            if ("DISPUTE".equals(task.getVariable(NEGOTIATION_OUTCOME))) {
                negotiationClock.pause(task.getExecution());
            } else if ("PROMISE".equals(task.getVariable(NEGOTIATION_OUTCOME))) {
                task.setVariable(PROMISE_CHECK_AT, deadlines.promiseCheckAt(
                        LocalDate.parse((String) task.getVariable(PROMISED_DATE))));
            }
        });
        glue("recordClaimSent").doesOnTask(task -> {
            task.setVariable(LAWYER, "lena");
            task.setVariable(CLAIM_DEADLINE, deadlines.claimDeadline(deadlines.today()));
        });
        glue("checkClaimPulse").does(execution -> execution.setVariableLocal(CLAIM_PULSE_BLOCKED, clientBlocked));
        glue("handOverToNewOwner").does(execution -> {
            execution.setVariableLocal(PREVIOUS_SALES_MANAGER, execution.getVariable(SALES_MANAGER));
            execution.setVariable(SALES_MANAGER, owner);
        });
    }

    private void keyClient(boolean key) {
        when(clientFacts.isKeyClient("acme")).thenReturn(key);
    }

    /** An invoice of client acme that fell due yesterday: its due-date timer is waiting. */
    private ProcessInstance registered() {
        keyClient(false);
        return runtime().createProcessInstanceByKey(InvoiceCollectionProcess.KEY).businessKey("INV-" + System.nanoTime())
                .setVariable(CLIENT_ID, "acme")
                .setVariable(OVERDUE_FROM, deadlines.overdueFrom(TODAY.minusDays(1)))
                .execute();
    }

    /** A case whose due date passed, run up to negotiation (or management's decision for a key client). */
    private ProcessInstance overdue(boolean key) {
        ProcessInstance instance = registered();
        keyClient(key);
        fireTimer(instance);
        return instance;
    }

    /** A case started at the given step, as if the regulation had brought it there. */
    private ProcessInstance startedAt(String activity, Map<String, Object> variables) {
        ProcessInstanceWithVariables instance = runtime().createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey("INV-" + System.nanoTime())
                .setVariable(CLIENT_ID, "acme").setVariable(SALES_MANAGER, "mia")
                .setVariables(variables)
                .startBeforeActivity(activity)
                .executeWithVariablesInReturn();
        continueAsync(instance);
        return instance;
    }

    private void paid(ProcessInstance instance) {
        runtime().createMessageCorrelation(InvoiceCollectionProcess.Messages.INVOICE_PAID)
                .processInstanceBusinessKey(instance.getBusinessKey()).correlateAllWithResult();
        continueAsync(instance);
    }

    private org.camunda.bpm.engine.RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    private Object variable(ProcessInstance instance, String name) {
        return runtime().getVariable(instance.getId(), name);
    }

    @Nested
    class BeforeAndAtTheDueDate {

        @Test
        void aRegisteredInvoiceWaitsForTheEndOfItsDueDate() {
            ProcessInstance instance = registered();

            assertThat(instance).isWaitingAt(DUE_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).isEqualTo(deadlines.overdueFrom(TODAY.minusDays(1)));
        }

        @Test
        void paidBeforeTheDueDateTheCaseEndsAndThoseInvolvedAreTold() {
            ProcessInstance instance = registered();

            paid(instance);

            assertThat(instance).hasPassed(START_INVOICE_PAID, NOTIFY_INVOICE_PAID, END_INVOICE_PAID).isEnded();
            assertThat(glue("notifyInvoicePaid").calls()).containsExactly(NOTIFY_INVOICE_PAID);
            assertThat(glue("confirmOpenAmount").calls()).isEmpty();
        }

        @Test
        void overdueTheOwnerIsToldAndNegotiatesForTenDays() {
            ProcessInstance instance = overdue(false);

            assertThat(instance).hasPassed(DUE_DATE_PASSED, CONFIRM_OPEN_AMOUNT, NOTIFY_OVERDUE)
                    .hasNotPassed(ASSIGN_CLIENT_OWNER, DECIDE_KEY_CLIENT_EXCEPTION)
                    .isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(task(instance)).isAssignedTo("mia");
            assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
                    .extracting(IdentityLink::getUserId).contains("sam");
            assertThat(task(instance).getDueDate()).isEqualTo(deadlines.negotiationDeadline());
            assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(TODAY.plusDays(11).atStartOfDay(BERLIN)
                    .toInstant()));
            assertThat(glue("notifyOverdue").calls()).containsExactly(NOTIFY_OVERDUE);
        }

        @Test
        void aClientWithoutOwnerGetsOneFromAHeadOfSales() {
            owner = null;
            ProcessInstance instance = overdue(false);
            assertThat(instance).isWaitingAt(ASSIGN_CLIENT_OWNER);
            assertThat(task(instance)).hasCandidateGroup("salesheads");

            complete(task(instance), withVariables(SALES_MANAGER, "max"));
            continueAsync(instance);

            assertThat(instance).hasPassed(ASSIGN_CLIENT_OWNER, NOTIFY_OVERDUE).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(task(instance)).isAssignedTo("max");
        }

        @Test
        void anOwnerAssignedElsewhereEndsTheWaitingAssignment() {
            owner = null;
            ProcessInstance instance = overdue(false);

            runtime().createMessageCorrelation(InvoiceCollectionProcess.Messages.CLIENT_OWNER_ASSIGNED)
                    .processInstanceId(instance.getId()).setVariable(SALES_MANAGER, "max").correlateWithResult();
            continueAsync(instance);

            assertThat(instance).hasPassed(CLIENT_OWNER_ASSIGNED, NOTIFY_OVERDUE).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(task(instance)).isAssignedTo("max");
            assertThat(glue("recordClientOwner").calls()).isEmpty();
        }

        @Test
        void aManagerWithoutATeamHeadNegotiatesAlone() {
            owner = "nia";
            ProcessInstance instance = overdue(false);

            assertThat(task(instance)).isAssignedTo("nia");
            assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance).getId()))
                    .extracting(IdentityLink::getUserId).containsOnly("nia");
        }
    }

    @Nested
    class KeyClient {

        @Test
        void managementAppliesTheStandardRegulation() {
            ProcessInstance instance = overdue(true);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
            assertThat(task(instance)).hasCandidateGroup("management");

            complete(task(instance), withVariables(KEY_CLIENT_DECISION, "STANDARD"));

            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(task(instance)).isAssignedTo("mia");
        }

        @Test
        void forgivenTimeEndsAtMidnightAndManagementDecidesAgain() {
            ProcessInstance instance = overdue(true);

            complete(task(instance), withVariables(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 5));

            assertThat(instance).isWaitingAt(FORGIVENESS_PERIOD_OVER);
            assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(TODAY.plusDays(6).atStartOfDay(BERLIN)
                    .toInstant()));
            fireTimer(instance);
            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
            assertThat(glue("caseTaskContext").calls()).containsExactly(DECIDE_KEY_CLIENT_EXCEPTION + ":create",
                    DECIDE_KEY_CLIENT_EXCEPTION + ":create");
        }

        @Test
        void aPaymentWhileForgivenEndsTheCase() {
            ProcessInstance instance = overdue(true);
            complete(task(instance), withVariables(KEY_CLIENT_DECISION, "FORGIVE", FORGIVEN_DAYS, 20));

            paid(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(timer(instance)).isNull();
        }

        @Test
        void aKeyClientIsAskedAboutWhenTheCaseReachesTheQuestion() {
            ProcessInstance instance = registered();
            keyClient(true); // made a key client after the invoice was registered

            fireTimer(instance);

            assertThat(instance).isWaitingAt(DECIDE_KEY_CLIENT_EXCEPTION);
        }
    }

    @Nested
    class Negotiation {

        @Test
        void aBrokenPromiseGoesToLegalAtOnceAndSaysWhy() {
            ProcessInstance instance = overdue(false);

            complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(5).toString()));
            assertThat(instance).isWaitingAt(PROMISED_DATE_PASSED);
            assertThat(timer(instance).getDuedate()).isEqualTo(deadlines.promiseCheckAt(TODAY.plusDays(5)));
            fireTimer(instance);

            assertThat(instance).hasPassed(PROMISED_DATE_PASSED, GRADE_PROMISE, HAND_OVER_TO_LEGAL)
                    .isWaitingAt(SEND_CLAIM);
            assertThat(glue("gradePromise").calls()).as("how the promise was kept is recorded first")
                    .containsExactly(GRADE_PROMISE);
            assertThat(variable(instance, ESCALATION_REASON)).isEqualTo("PROMISE_BROKEN");
            assertThat(task(instance)).hasCandidateGroup("legal");
        }

        @Test
        void aPromiseKeptEndsTheCaseWhenPaid() {
            ProcessInstance instance = overdue(false);
            complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "PROMISE",
                    PROMISED_DATE, TODAY.plusDays(5).toString()));

            paid(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).hasNotPassed(HAND_OVER_TO_LEGAL).isEnded();
        }

        @Test
        void noAgreementGoesToLegalAtOnceAndSaysWhy() {
            ProcessInstance instance = overdue(false);

            complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "NO_AGREEMENT"));
            continueAsync(instance);

            assertThat(instance).hasPassed(HAND_OVER_TO_LEGAL).isWaitingAt(SEND_CLAIM);
            assertThat(variable(instance, ESCALATION_REASON)).isEqualTo("NO_AGREEMENT");
            assertThat(glue("handOverToLegal").calls()).containsExactly(HAND_OVER_TO_LEGAL);
        }

        @Test
        void theNegotiationPeriodPassingGoesToLegalAndSaysWhy() {
            ProcessInstance instance = overdue(false);

            fireTimer(instance);

            assertThat(instance).hasPassed(NEGOTIATION_PERIOD_PASSED, HAND_OVER_TO_LEGAL).isWaitingAt(SEND_CLAIM);
            assertThat(variable(instance, ESCALATION_REASON)).isEqualTo("NEGOTIATION_PERIOD_PASSED");
        }
    }

    @Nested
    class Dispute {

        @Test
        void aJustifiedDisputeWithSomethingLeftReturnsToNegotiation() {
            ProcessInstance instance = overdue(false);
            complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "DISPUTE"));
            assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
            assertThat(task(instance)).hasCandidateGroup("finance");

            complete(task(instance), withVariables(DISPUTE_DECISION, "JUSTIFIED"));

            assertThat(instance).hasPassed(CORRECT_INVOICE_AMOUNT).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(glue("correctInvoiceAmount").calls()).containsExactly(CORRECT_INVOICE_AMOUNT);
        }

        @Test
        void aJustifiedDisputeOverEverythingCancelsTheInvoice() {
            amountLeft = false;
            ProcessInstance instance = overdue(false);
            complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "DISPUTE"));

            complete(task(instance), withVariables(DISPUTE_DECISION, "JUSTIFIED"));

            assertThat(instance).hasPassed(END_INVOICE_CANCELLED).isEnded();
        }

        @Test
        void anUnjustifiedDisputeResumesTheNegotiationWhoseSecondRoundCanRunOut() {
            ProcessInstance instance = overdue(false);
            Date firstDeadline = timer(instance).getDuedate();
            at(START.plus(Duration.ofDays(4)));
            complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "DISPUTE"));
            at(START.plus(Duration.ofDays(7))); // finance looks into it for three days

            complete(task(instance), withVariables(DISPUTE_DECISION, "UNJUSTIFIED"));

            assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(timer(instance).getDuedate().toInstant())
                    .isEqualTo(firstDeadline.toInstant().plus(Duration.ofDays(3)));
            fireTimer(instance);
            assertThat(instance).isWaitingAt(SEND_CLAIM);
            assertThat(variable(instance, ESCALATION_REASON)).isEqualTo("NEGOTIATION_PERIOD_PASSED");
        }
    }

    @Nested
    class LegalAndCourt {

        private ProcessInstance claimSent(boolean key) {
            keyClient(key);
            ProcessInstance instance = startedAt(SEND_CLAIM, Map.of(ESCALATION_REASON, "NO_AGREEMENT"));
            complete(task(instance), withVariables(CLAIM_NUMBER, "CL-1", CLAIM_SENT_ON, TODAY.toString()));
            assertThat(instance).isWaitingAt(CLAIM_PERIOD_PASSED);
            return instance;
        }

        @Test
        void theClientHasAMonthThenTheLawyerFilesAndCourtCollects() {
            ProcessInstance instance = claimSent(false);
            assertThat(timer(instance, CLAIM_PERIOD_PASSED).getDuedate()).isEqualTo(deadlines.claimDeadline(TODAY));

            fireTimer(instance, CLAIM_PERIOD_PASSED);
            assertThat(instance).hasPassed(REPORT_CLAIM_PERIOD_PASSED).hasNotPassed(APPROVE_LAWSUIT)
                    .isWaitingAt(FILE_LAWSUIT);
            assertThat(task(instance)).isAssignedTo("lena");
            complete(task(instance), withVariables(COURT_CASE_NUMBER, "3 O 1/27"));
            assertThat(instance).isWaitingAt(RECORD_COURT_OUTCOME);
            complete(task(instance), withVariables(COURT_OUTCOME, "COLLECTED"));

            assertThat(instance).hasPassed(CLOSE_AS_COLLECTED, END_COLLECTED_IN_COURT).isEnded();
        }

        @Test
        void aCourtCaseWithoutCollectionIsWrittenOffAndSaysWhy() {
            ProcessInstance instance = claimSent(false);
            fireTimer(instance, CLAIM_PERIOD_PASSED);
            complete(task(instance), withVariables(COURT_CASE_NUMBER, "3 O 2/27"));

            complete(task(instance), withVariables(COURT_OUTCOME, "WRITTEN_OFF"));

            assertThat(instance).hasPassed(WRITE_OFF, END_WRITTEN_OFF).isEnded();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName(WRITE_OFF_REASON).singleResult().getValue())
                    .isEqualTo("NOT_COLLECTED_IN_COURT");
        }

        @Test
        void managementApprovesSuingAKeyClient() {
            ProcessInstance instance = claimSent(true);
            fireTimer(instance, CLAIM_PERIOD_PASSED);
            assertThat(instance).isWaitingAt(APPROVE_LAWSUIT);
            assertThat(task(instance)).hasCandidateGroup("management");

            complete(task(instance), withVariables(LAWSUIT_DECISION, "APPROVE"));

            assertThat(instance).isWaitingAt(FILE_LAWSUIT);
        }

        @Test
        void managementDecliningToSueAKeyClientWritesTheInvoiceOffAndSaysWhy() {
            ProcessInstance instance = claimSent(true);
            fireTimer(instance, CLAIM_PERIOD_PASSED);

            complete(task(instance), withVariables(LAWSUIT_DECISION, "DECLINE"));

            assertThat(instance).hasPassed(WRITE_OFF).hasNotPassed(FILE_LAWSUIT).isEnded();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName(WRITE_OFF_REASON).singleResult().getValue())
                    .isEqualTo("LAWSUIT_DECLINED");
        }

        @Test
        void aPaymentWhileAtCourtEndsTheCase() {
            ProcessInstance instance = claimSent(false);
            fireTimer(instance, CLAIM_PERIOD_PASSED);
            complete(task(instance), withVariables(COURT_CASE_NUMBER, "3 O 3/27"));
            assertThat(instance).isWaitingAt(RECORD_COURT_OUTCOME);

            paid(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).hasNotPassed(CLOSE_AS_COLLECTED).isEnded();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        }
    }

    /** During the claim month the sales manager keeps a hand on the pulse: reminders that close with the month. */
    @Nested
    class ClaimMonth {

        private ProcessInstance claimSent() {
            keyClient(false);
            ProcessInstance instance = startedAt(SEND_CLAIM, Map.of(ESCALATION_REASON, "NO_AGREEMENT"));
            complete(task(instance), withVariables(CLAIM_NUMBER, "CL-1", CLAIM_SENT_ON, deadlines.today().toString()));
            assertThat(instance).isWaitingAt(CLAIM_PERIOD_PASSED);
            return instance;
        }

        private List<Task> reminders(ProcessInstance instance) {
            return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(REMIND_CLIENT_OF_CLAIM).orderByTaskCreateTime().asc().list();
        }

        private Date nineInBerlin(LocalDate day) {
            return Date.from(day.atTime(9, 0).atZone(BERLIN).toInstant());
        }

        @Test
        void theOwnerIsRemindedEveryWeekAndOpenRemindersCloseWhenTheMonthIsOver() {
            ProcessInstance instance = claimSent();
            assertThat(timer(instance, CLAIM_PULSE_DUE).getDuedate()).isEqualTo(nineInBerlin(TODAY.plusDays(7)));
            assertThat(reminders(instance)).isEmpty();

            fireTimer(instance, CLAIM_PULSE_DUE);
            Task first = reminders(instance).get(0);
            assertThat(first).isAssignedTo("mia");
            assertThat(first.getDueDate()).isEqualTo(Date.from(TODAY.plusDays(8).atStartOfDay(BERLIN).toInstant()));
            assertThat(timer(instance, CLAIM_PULSE_DUE).getDuedate()).as("the next week's")
                    .isEqualTo(nineInBerlin(TODAY.plusDays(14)));
            complete(first, withVariables(CLAIM_PULSE_NOTE, "Reached Ann; they pay on the 30th"));
            assertThat(instance).hasPassed(END_CLIENT_REMINDED_OF_CLAIM).isWaitingAt(CLAIM_PERIOD_PASSED);
            assertThat(glue("recordClaimPulse").calls()).containsExactly(REMIND_CLIENT_OF_CLAIM + ":complete");

            fireTimer(instance, CLAIM_PULSE_DUE);
            fireTimer(instance, CLAIM_PULSE_DUE);
            assertThat(reminders(instance)).as("two left open").hasSize(2);

            fireTimer(instance, CLAIM_PERIOD_PASSED);

            assertThat(instance).hasPassed(END_CLAIM_MONTH_OVER).isWaitingAt(FILE_LAWSUIT);
            assertThat(reminders(instance)).as("closed with the month").isEmpty();
            assertThat(timer(instance, CLAIM_PULSE_DUE)).isNull();
        }

        @Test
        void aPaymentDuringTheClaimMonthClosesTheOpenReminder() {
            ProcessInstance instance = claimSent();
            fireTimer(instance, CLAIM_PULSE_DUE);
            assertThat(reminders(instance)).hasSize(1);

            paid(instance);

            assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
            assertThat(reminders(instance)).isEmpty();
        }

        @Test
        void whileTheClientIsBlockedNoReminderIsGivenAndABlockWithdrawsTheOpenOneButNotTheMonth() {
            ProcessInstance instance = claimSent();
            clientBlocked = true;

            fireTimer(instance, CLAIM_PULSE_DUE);

            assertThat(instance).hasPassed(CHECK_CLAIM_PULSE, END_CLAIM_PULSE_SKIPPED).isWaitingAt(CLAIM_PERIOD_PASSED);
            assertThat(reminders(instance)).isEmpty();
            assertThat(glue("checkClaimPulse").calls()).containsExactly(CHECK_CLAIM_PULSE);
            assertThat(timer(instance, CLAIM_PULSE_DUE).getDuedate()).as("the next week's still comes")
                    .isEqualTo(nineInBerlin(TODAY.plusDays(14)));

            clientBlocked = false;
            fireTimer(instance, CLAIM_PULSE_DUE);
            assertThat(reminders(instance)).hasSize(1);
            assertThat(variable(instance, CLAIM_PULSE_BLOCKED)).as("local to each turn").isNull();

            runtime().createMessageCorrelation(InvoiceCollectionProcess.Messages.CLIENT_REMINDERS_BLOCKED)
                    .processInstanceId(instance.getId()).correlateAllWithResult();

            assertThat(instance).hasPassed(END_CLAIM_REMINDER_WITHDRAWN).isWaitingAt(CLAIM_PERIOD_PASSED);
            assertThat(reminders(instance)).isEmpty();
            assertThat(glue("recordClaimPulse").calls()).isEmpty();
            fireTimer(instance, CLAIM_PERIOD_PASSED);
            assertThat(instance).hasPassed(END_CLAIM_MONTH_OVER).isWaitingAt(FILE_LAWSUIT);
        }

        /** Easter Monday 2027 is a public holiday: the first reminder comes the day after, then weekly from there. */
        @Test
        void aReminderThatWouldFallOnAHolidayComesTheNextWorkingDay() {
            at(ZonedDateTime.of(2027, 3, 22, 10, 0, 0, 0, BERLIN).toInstant());
            ProcessInstance instance = claimSent();

            assertThat(timer(instance, CLAIM_PULSE_DUE).getDuedate()).isEqualTo(nineInBerlin(LocalDate.of(2027, 3, 30)));
            fireTimer(instance, CLAIM_PULSE_DUE);
            assertThat(timer(instance, CLAIM_PULSE_DUE).getDuedate()).isEqualTo(nineInBerlin(LocalDate.of(2027, 4, 6)));
        }
    }

    @Nested
    class NewOwner {

        @Test
        void theCaseFollowsTheClientsNewOwnerAndBothAreTold() {
            ProcessInstance instance = overdue(false);
            owner = "max";

            runtime().createMessageCorrelation(InvoiceCollectionProcess.Messages.CLIENT_OWNER_CHANGED)
                    .processInstanceId(instance.getId()).setVariableToTriggeredScope(OWNER_CHANGED_BY, "fred")
                    .correlateWithResult();
            assertThat(instance).hasPassed(HAND_OVER_TO_NEW_OWNER).isWaitingAt(NEGOTIATE_PAYMENT, TELL_NEW_OWNER);
            continueAsync(instance);

            assertThat(instance).hasPassed(TELL_NEW_OWNER, END_CASE_HANDED_OVER).isWaitingAt(NEGOTIATE_PAYMENT);
            assertThat(variable(instance, SALES_MANAGER)).isEqualTo("max");
            assertThat(variable(instance, OWNER_CHANGED_BY)).as("local to the hand-over").isNull();
            assertThat(glue("tellNewOwner").calls()).containsExactly(TELL_NEW_OWNER);
        }
    }

    @Nested
    class Forms {

        /** Every user task opens the form deployed with the model, whose id is the task's form reference. */
        @Test
        void everyUserTaskOpensItsDeployedForm() throws Exception {
            ObjectMapper json = new ObjectMapper();
            var model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
                    .createProcessDefinitionQuery().processDefinitionKey(InvoiceCollectionProcess.KEY)
                    .latestVersion().singleResult().getId());
            List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
            assertThat(userTasks).hasSize(9);
            for (UserTask userTask : userTasks) {
                keyClient(false);
                ProcessInstance instance = startedAt(userTask.getId(), Map.of(LAWYER, "lena",
                        NEGOTIATION_DEADLINE, deadlines.negotiationDeadline()));
                Task task = task(instance);
                try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
                    JsonNode deployed = json.readTree(form);
                    assertThat(deployed.get("id").asText()).as(userTask.getId())
                            .isEqualTo(userTask.getCamundaFormRef());
                    assertThat(deployed.findValuesAsText("key")).as(userTask.getId() + " asks something").isNotEmpty();
                }
            }
        }
    }
}
