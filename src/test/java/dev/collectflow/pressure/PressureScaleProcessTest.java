package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Activities.*;
import static dev.collectflow.pressure.PressureScaleProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.collectflow.processtest.ProcessTestCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The pressure scale as drawn in bpmn/PressureScaleProcess.bpmn: each step planned, waited for, checked and taken
 * one after the other; skipped or stopped by the check; its tasks withdrawn when the client is blocked and the whole
 * scale stopped when the invoice is paid. What the planning and the check decide is the application's (tested in
 * PressureScaleProcessIT and PressureScaleTableTest); here the stand-ins set their answers.
 */
class PressureScaleProcessTest extends ProcessTestCase {

    /** The engine outlives each test: every test's case has an invoice number of its own. */
    private final String invoice = "INV-PS-" + java.util.UUID.randomUUID();

    /** The steps the planning stand-in names, one per plan; NONE once they are used up. */
    private final Deque<String> plannedSteps = new ArrayDeque<>();
    /** What the check stand-in finds, one per check; TAKE when nothing is said. */
    private final Deque<String> situations = new ArrayDeque<>();

    private ProcessInstance start(String... steps) {
        plannedSteps.addAll(List.of(steps));
        glue("planNextPressureStep").does(execution -> {
            String step = plannedSteps.isEmpty() ? "NONE" : plannedSteps.poll();
            execution.setVariable(STEP, step);
            execution.setVariable(STEP_AT, Date.from(now().plus(Duration.ofDays(1))));
            execution.setVariable(STEP_OWNER, "mia");
        });
        glue("checkCaseForPressureStep").does(execution ->
                execution.setVariable(SITUATION, situations.isEmpty() ? "TAKE" : situations.poll()));
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(PressureScaleProcess.KEY, invoice, Map.of(CLIENT_ID, "acme"));
        continueAsync(instance);
        return instance;
    }

    private static Instant now() {
        return ENGINE_CLOCK.instant();
    }

    private Task openTask(ProcessInstance instance, String activity) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(activity).singleResult();
    }

    @Test
    void everyStepIsWaitedForThenTakenOneAfterTheOther() {
        ProcessInstance instance = start("FRIENDLY_REMINDER", "OWNER_REMINDER", "CALL", "FINAL_WARNING");

        assertThat(instance).isWaitingAt(STEP_TIME_REACHED);
        Date firstStepAt = timer(instance).getDuedate();
        assertThat(firstStepAt.toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));

        fireTimer(instance); // friendly reminder mailed, reminder to call planned
        assertThat(glue("sendFriendlyReminder").calls()).containsExactly(SEND_FRIENDLY_REMINDER);
        assertThat(instance).isWaitingAt(STEP_TIME_REACHED);

        Date reminderAt = timer(instance).getDuedate();
        fireTimer(instance); // the owner's reminder task opens beside the scale, which plans on
        Task reminder = openTask(instance, REMIND_OWNER);
        assertThat(reminder.getAssignee()).isEqualTo("mia");
        assertThat(reminder.getDueDate()).as("due at the step's time").isEqualTo(reminderAt);
        assertThat(instance).isWaitingAt(REMIND_OWNER, STEP_TIME_REACHED);
        engine.getTaskService().complete(reminder.getId(), Map.of(REMINDER_NOTE, "Left a message"));
        assertThat(glue("recordOwnerReminder").calls()).containsExactly(REMIND_OWNER + ":complete");

        fireTimer(instance); // the call at a set time
        Task call = openTask(instance, CALL_CLIENT);
        assertThat(call.getAssignee()).isEqualTo("mia");
        engine.getTaskService().complete(call.getId(), Map.of(CALL_RESULT, "REACHED", CALL_CONTACT, "Ann",
                CALL_AGREEMENT, "pays Friday"));
        assertThat(glue("recordCallOutcome").calls()).containsExactly(CALL_CLIENT + ":complete");

        fireTimer(instance); // final warning, then nothing is left
        assertThat(glue("sendFinalWarning").calls()).containsExactly(SEND_FINAL_WARNING);
        assertThat(instance).hasPassedInOrder(START_CASE_REGISTERED, PLAN_NEXT_STEP, STEP_TIME_REACHED, CHECK_CASE,
                SEND_FRIENDLY_REMINDER, REMIND_OWNER, CALL_CLIENT, SEND_FINAL_WARNING, END_SCALE_COMPLETED);
        assertThat(instance).hasPassed(END_REMINDER_DONE, END_CALL_DONE).isEnded();
        assertThat(glue("planNextPressureStep").calls()).hasSize(5);
    }

    @Test
    void aStepTheCheckSkipsIsNotTakenAndTheNextIsPlanned() {
        situations.add("SKIP");
        ProcessInstance instance = start("FRIENDLY_REMINDER", "FINAL_WARNING");

        fireTimer(instance);
        assertThat(glue("sendFriendlyReminder").calls()).isEmpty();
        assertThat(instance).isWaitingAt(STEP_TIME_REACHED);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), STEP)).isEqualTo("FINAL_WARNING");

        fireTimer(instance);
        assertThat(glue("sendFinalWarning").calls()).containsExactly(SEND_FINAL_WARNING);
        assertThat(instance).hasPassed(END_SCALE_COMPLETED).isEnded();
    }

    @Test
    void theScaleStopsWhenTheCheckFindsTheCaseLeftNegotiation() {
        ProcessInstance instance = start("OWNER_REMINDER", "CALL");
        fireTimer(instance);
        assertThat(openTask(instance, REMIND_OWNER)).isNotNull();

        situations.add("STOP");
        fireTimer(instance);

        assertThat(glue("planNextPressureStep").calls()).hasSize(2);
        assertThat(instance).hasPassed(END_CASE_LEFT_NEGOTIATION).hasNotPassed(CALL_CLIENT).isEnded();
        assertThat(openTask(instance, REMIND_OWNER)).as("the open reminder ends with the scale").isNull();
    }

    @Test
    void aBlockedClientsOpenReminderAndCallAreWithdrawn() {
        ProcessInstance instance = start("OWNER_REMINDER", "CALL", "FINAL_WARNING");
        fireTimer(instance);
        fireTimer(instance);
        assertThat(openTask(instance, REMIND_OWNER)).isNotNull();
        assertThat(openTask(instance, CALL_CLIENT)).isNotNull();

        engine.getRuntimeService().createMessageCorrelation(PressureScaleProcess.Messages.CLIENT_BLOCKED)
                .processInstanceBusinessKey(invoice).correlateAll();

        assertThat(openTask(instance, REMIND_OWNER)).isNull();
        assertThat(openTask(instance, CALL_CLIENT)).isNull();
        assertThat(instance).hasPassed(END_REMINDER_WITHDRAWN, END_CALL_WITHDRAWN)
                .hasNotPassed(END_REMINDER_DONE, END_CALL_DONE).isWaitingAt(STEP_TIME_REACHED);
        assertThat(glue("recordOwnerReminder").calls()).isEmpty();
    }

    @Test
    void paymentStopsTheScaleAndClosesItsOpenTasks() {
        ProcessInstance instance = start("CALL", "FINAL_WARNING");
        fireTimer(instance);
        assertThat(openTask(instance, CALL_CLIENT)).isNotNull();

        engine.getRuntimeService().createMessageCorrelation(PressureScaleProcess.Messages.STOP)
                .processInstanceBusinessKey(invoice).correlate();

        assertThat(instance).hasPassed(START_CASE_SETTLED, END_SCALE_STOPPED).hasNotPassed(SEND_FINAL_WARNING)
                .isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .isZero();
    }

    @Test
    void aScaleWithNoStepLeftEndsAtOnce() {
        ProcessInstance instance = start();

        assertThat(instance).hasPassedInOrder(START_CASE_REGISTERED, PLAN_NEXT_STEP, END_SCALE_COMPLETED).isEnded();
    }
}
