package dev.collectflow.feed;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.REMIND_CLIENT_OF_CLAIM;
import static dev.collectflow.pressure.PressureScaleProcess.Activities.CALL_CLIENT;
import static dev.collectflow.pressure.PressureScaleProcess.Activities.REMIND_OWNER;

import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CaseTaskContext;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.notification.MailProperties;
import dev.collectflow.pressure.ClaimPulseTaskContext;
import dev.collectflow.pressure.PressureScaleProcess;
import dev.collectflow.staff.CallPreferences;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A user's open calls, call reminders and the claim month's reminders as an iCalendar document, at their times in the
 * user's time zone. A task with a follow-up date (the claim month's reminder, due by the end of its day) is shown
 * when it is to be taken up.
 */
@Service
class CallCalendar {

    private final TaskService tasks;
    private final ClientService clients;
    private final CallPreferences preferences;
    private final MailProperties mail;
    private final Clock clock;

    CallCalendar(TaskService tasks, ClientService clients, CallPreferences preferences, MailProperties mail,
                 Clock clock) {
        this.tasks = tasks;
        this.clients = clients;
        this.preferences = preferences;
        this.mail = mail;
        this.clock = clock;
    }

    String of(String userId) {
        ZoneId zone = preferences.of(userId).timeZone();
        ICalendar calendar = new ICalendar("CollectFlow calls", zone);
        for (Task task : tasks.createTaskQuery().taskAssignee(userId)
                .taskDefinitionKeyIn(CALL_CLIENT, REMIND_OWNER, REMIND_CLIENT_OF_CLAIM)
                .orderByDueDate().asc().list()) {
            if (task.getDueDate() == null) {
                continue;
            }
            Date start = task.getFollowUpDate() != null ? task.getFollowUpDate() : task.getDueDate();
            Map<String, Object> context = tasks.getVariablesLocal(task.getId());
            Object clientId = tasks.getVariable(task.getId(), PressureScaleProcess.Variables.CLIENT_ID);
            ClientDetails client = clientId == null ? null : clients.find((String) clientId)
                    .map(c -> c.details()).orElse(null);
            String description = (client == null ? "" : "Contact: "
                    + (client.contactPerson() == null ? client.name() : client.contactPerson() + ", " + client.name())
                    + (client.phone() == null ? "" : ", " + client.phone()) + "\n")
                    + "Invoice " + context.get(CaseTaskContext.INVOICE) + ", open amount "
                    + context.get(CaseTaskContext.OPEN_AMOUNT)
                    + (REMIND_CLIENT_OF_CLAIM.equals(task.getTaskDefinitionKey()) ? claim(task, context) : "");
            calendar.event(task.getId() + "@collectflow", clock.instant(), start.toInstant(), zone,
                    CALL_CLIENT.equals(task.getTaskDefinitionKey()) ? "PT15M" : "PT30M", task.getName(), description,
                    mail.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        }
        return calendar.write();
    }

    /** Which claim to remind the client of, and until when the client may pay. */
    private String claim(Task task, Map<String, Object> context) {
        Object claimNumber = tasks.getVariable(task.getId(), InvoiceCollectionProcess.Variables.CLAIM_NUMBER);
        return "\n" + (claimNumber == null ? "Pre-court claim" : "Pre-court claim " + claimNumber)
                + ": the client may pay until " + context.get(ClaimPulseTaskContext.LAST_DAY_TO_PAY)
                + "\nRemind the contact of it today and note how the client stands.";
    }
}
