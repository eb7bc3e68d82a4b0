package dev.collectflow.pressure;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ReminderBlocks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The hand on the pulse during the claim month, on the real application: the sales manager's reminders come every
 * week on the clock, are completed through the gate like any task, and close when the month is over or the case is
 * paid. The claim is sent on Monday 2027-01-11; the client has until the end of 2027-02-11.
 */
class ClaimMonthPulseIT extends CollectionTestSupport {

    @Autowired TestRestTemplate rest;
    @Autowired FilterService filters;
    @Autowired ReminderBlocks blocks;

    /** A case of mia's client whose claim lena sent today. */
    private ProcessInstance inClaimMonth() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        completeAs("mia", instance, Map.of(NEGOTIATION_OUTCOME, "NO_AGREEMENT", NEGOTIATION_NOTE, "refuses to pay"));
        tasks.claim(openTask(instance).getId(), "lena");
        completeAs("lena", instance, Map.of(CLAIM_NUMBER, "CL-7", CLAIM_SENT_ON, TODAY.toString()));
        assertThat(instance).isWaitingAt(CLAIM_PERIOD_PASSED);
        return instance;
    }

    private void at(Instant moment, ProcessInstance instance) {
        clock.set(moment);
        runDueJobs(instance);
    }

    private static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    private List<Task> reminders(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REMIND_CLIENT_OF_CLAIM)
                .orderByTaskCreateTime().asc().list();
    }

    private ResponseEntity<JsonNode> submit(String user, String taskId, Map<String, Object> variables) {
        return rest.withBasicAuth(user, "secret").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables), JsonNode.class);
    }

    @Test
    void weeklyRemindersComeToTheOwnerAndCloseWhenTheClaimMonthIsOver() {
        ProcessInstance instance = inClaimMonth();
        at(berlin(LocalDate.of(2027, 1, 18), 8, 59), instance);
        assertThat(reminders(instance)).as("not before its time").isEmpty();

        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);

        Task reminder = reminders(instance).get(0);
        assertThat(reminder.getAssignee()).isEqualTo("mia");
        assertThat(reminder.getName()).startsWith("Remind the client of the claim — " + instance.getBusinessKey());
        assertThat(reminder.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 1, 18)));
        assertThat(tasks.getVariablesLocal(reminder.getId())).containsEntry("claimLastDayToPay", "2027-02-11")
                .containsEntry("claimPulseClaim", "claim CL-7 of 2027-01-11");
        identity.setAuthentication("mia", List.of("sales", "teamnorth"));
        try {
            String todaysCalls = filters.createFilterQuery().filterName("Today's calls").singleResult().getId();
            assertThat(filters.<Task>list(todaysCalls)).extracting(Task::getId).contains(reminder.getId());
        } finally {
            identity.clearAuthentication();
        }

        at(berlin(LocalDate.of(2027, 1, 25), 9, 0), instance);
        assertThat(reminders(instance)).as("a week later, the next one beside the open one").hasSize(2);

        at(berlin(LocalDate.of(2027, 2, 12), 0, 5), instance);

        assertThat(instance).hasPassed(END_CLAIM_MONTH_OVER, REPORT_CLAIM_PERIOD_PASSED).isWaitingAt(FILE_LAWSUIT);
        assertThat(reminders(instance)).as("closed with the claim month").isEmpty();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(CLAIM_PULSE_DUE).count())
                .isZero();
        assertThat(history(instance)).extracting(CaseEvent::getType).doesNotContain(CaseEventType.CLAIM_REMINDER_DONE);
    }

    @Test
    void theSalesManagerCompletesAReminderThroughTheGateAndTheCaseRecordsIt() {
        ProcessInstance instance = inClaimMonth();
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        String reminder = reminders(instance).get(0).getId();

        ResponseEntity<JsonNode> empty = submit("mia", reminder, Map.of());
        ResponseEntity<JsonNode> foreign = submit("mia", reminder, Map.of(CLAIM_PULSE_NOTE, Map.of("value", "fine"),
                NEGOTIATION_OUTCOME, Map.of("value", "PROMISE")));
        ResponseEntity<JsonNode> done = submit("mia", reminder,
                Map.of(CLAIM_PULSE_NOTE, Map.of("value", "Ann knows the date; they wait for their bank", "type", "String")));

        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("message").asText()).contains("claimPulseNote is required");
        assertThat(foreign.getStatusCode().value()).isEqualTo(400);
        assertThat(foreign.getBody().get("message").asText()).contains("negotiationOutcome is not a field of this task");
        assertThat(done.getStatusCode().value()).isEqualTo(204);
        assertThat(reminders(instance)).isEmpty();
        assertThat(instance).hasPassed(END_CLIENT_REMINDED_OF_CLAIM).isWaitingAt(CLAIM_PERIOD_PASSED);
        CaseEvent recorded = lastEvent(instance, CaseEventType.CLAIM_REMINDER_DONE);
        assertThat(recorded.getActor()).isEqualTo("mia");
        assertThat(recorded.getDetail()).isEqualTo("Ann knows the date; they wait for their bank");
    }

    @Test
    void aPaymentDuringTheClaimMonthClosesTheOpenReminder() {
        ProcessInstance instance = inClaimMonth();
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        assertThat(reminders(instance)).hasSize(1);

        pay(instance, "1000.00");
        runDueJobs(instance);

        assertThat(instance).hasPassed(END_INVOICE_PAID).isEnded();
        assertThat(reminders(instance)).isEmpty();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    /** Whether the user, logged in as in Tasklist, finds the task among theirs. */
    private boolean seesAmongTheirTasks(String user, List<String> groups, String taskId) {
        identity.setAuthentication(user, groups);
        try {
            return tasks.createTaskQuery().taskAssignee(user).taskId(taskId).count() == 1;
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void anOpenReminderFollowsTheClientsNewOwnerAndTheFormerOwnerCanNoLongerCompleteIt() {
        ProcessInstance instance = inClaimMonth();
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        String reminder = reminders(instance).get(0).getId();
        String clientId = invoiceOf(instance).getClientId();
        assertThat(seesAmongTheirTasks("mia", List.of("sales", "teamnorth"), reminder)).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> changed = rest.withBasicAuth("fred", "secret").exchange("/api/clients/" + clientId,
                HttpMethod.PUT, new HttpEntity<>("{\"name\": \"Client " + clientId + "\", \"owner\": \"otto\"}",
                        headers), String.class);
        runDueJobs(instance);

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(reminder).singleResult().getAssignee()).isEqualTo("otto");
        assertThat(lastEvent(instance, CaseEventType.OWNER_CHANGED).getDetail())
                .contains("from mia", "with its open reminder of the claim");
        assertThat(seesAmongTheirTasks("otto", List.of("sales", "teamsouth"), reminder)).isTrue();
        assertThat(seesAmongTheirTasks("mia", List.of("sales", "teamnorth"), reminder)).isFalse();
        Map<String, Object> note = Map.of(CLAIM_PULSE_NOTE, Map.of("value", "Spoke to Ann", "type", "String"));
        assertThat(submit("mia", reminder, note).getStatusCode().value()).as("over /engine-rest").isEqualTo(404);
        identity.setAuthentication("mia", List.of("sales", "teamnorth"));
        try {
            assertThatThrownBy(() -> tasks.complete(reminder, Map.of(CLAIM_PULSE_NOTE, "Spoke to Ann")))
                    .as("with the task service as mia").isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(reminders(instance)).extracting(Task::getId).containsExactly(reminder);

        assertThat(submit("otto", reminder, note).getStatusCode().value()).isEqualTo(204);

        assertThat(reminders(instance)).isEmpty();
        assertThat(lastEvent(instance, CaseEventType.CLAIM_REMINDER_DONE).getActor()).isEqualTo("otto");
        at(berlin(LocalDate.of(2027, 1, 25), 9, 0), instance);
        assertThat(reminders(instance)).extracting(Task::getAssignee).as("the next week's").containsExactly("otto");
    }

    @Test
    void theNewOwnerCompletesAHandedOverReminderWithTheTaskService() {
        ProcessInstance instance = inClaimMonth();
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        String reminder = reminders(instance).get(0).getId();
        String clientId = invoiceOf(instance).getClientId();
        var details = clients.get(clientId).details();
        clients.save(clientId, new dev.collectflow.client.ClientDetails(details.name(), details.email(),
                details.phone(), details.contactPerson(), "max", false, details.language()), "sam");
        runDueJobs(instance);

        identity.setAuthentication("max", List.of("sales", "teamnorth"));
        try {
            tasks.complete(reminder, Map.of(CLAIM_PULSE_NOTE, "They pay on Friday"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(reminders(instance)).isEmpty();
        assertThat(lastEvent(instance, CaseEventType.CLAIM_REMINDER_DONE).getActor()).isEqualTo("max");
    }

    @Test
    void aReminderBlockWithdrawsTheOpenReminderAndSkipsTheNextOnesButTheClaimMonthRunsOn() {
        ProcessInstance instance = inClaimMonth();
        String clientId = invoiceOf(instance).getClientId();
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);
        assertThat(reminders(instance)).hasSize(1);

        blocks.set(clientId, "Insolvency administrator asked us to write only to him", LocalDate.of(2027, 1, 26), "fred");

        assertThat(instance).hasPassed(END_CLAIM_REMINDER_WITHDRAWN).isWaitingAt(CLAIM_PERIOD_PASSED);
        assertThat(reminders(instance)).isEmpty();
        assertThat(lastEvent(instance, CaseEventType.REMINDER_BLOCK_SET).getDetail())
                .contains("until 2027-01-26", "the open reminder of the claim is withdrawn");
        assertThat(timer(instance, CLAIM_PERIOD_PASSED).getDuedate()).as("the claim month's deadline is untouched")
                .isEqualTo(endOf(LocalDate.of(2027, 2, 11)));

        at(berlin(LocalDate.of(2027, 1, 25), 9, 0), instance);

        assertThat(reminders(instance)).as("no reminder while the block holds").isEmpty();
        assertThat(instance).hasPassed(END_CLAIM_PULSE_SKIPPED);
        CaseEvent skipped = lastEvent(instance, CaseEventType.CLAIM_REMINDER_SKIPPED);
        assertThat(skipped.getActor()).isEqualTo(dev.collectflow.audit.AuditTrail.SYSTEM);
        assertThat(skipped.getDetail()).contains("blocked until 2027-01-26",
                "Insolvency administrator asked us to write only to him");

        at(berlin(LocalDate.of(2027, 2, 1), 9, 0), instance);
        assertThat(reminders(instance)).as("the block has ended: the next reminder comes")
                .extracting(Task::getAssignee).containsExactly("mia");

        at(berlin(LocalDate.of(2027, 2, 12), 0, 5), instance);
        assertThat(instance).hasPassed(END_CLAIM_MONTH_OVER).isWaitingAt(FILE_LAWSUIT);
        assertThat(history(instance)).extracting(CaseEvent::getType).containsOnlyOnce(CaseEventType.CLAIM_REMINDER_SKIPPED);
    }

    @Test
    void aLiftedBlockLetsTheNextReminderCome() {
        ProcessInstance instance = inClaimMonth();
        String clientId = invoiceOf(instance).getClientId();
        blocks.set(clientId, "CEO asked for two weeks' quiet", LocalDate.of(2027, 1, 25), "sam");
        assertThat(lastEvent(instance, CaseEventType.REMINDER_BLOCK_SET).getDetail())
                .isEqualTo("No reminder mails or calls to the client until 2027-01-25: CEO asked for two weeks' quiet");

        blocks.lift(clientId, "fred");
        at(berlin(LocalDate.of(2027, 1, 18), 9, 0), instance);

        assertThat(lastEvent(instance, CaseEventType.REMINDER_BLOCK_LIFTED).getActor()).isEqualTo("fred");
        assertThat(reminders(instance)).extracting(Task::getAssignee).containsExactly("mia");
        assertThat(history(instance)).extracting(CaseEvent::getType).doesNotContain(CaseEventType.CLAIM_REMINDER_SKIPPED);
    }
}
