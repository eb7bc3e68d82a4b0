package dev.collectflow.pressure;

import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.staff.CallPreferences;
import dev.collectflow.system.Markdown;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the reminder and call forms show beside the case: whom to call (contact person and phone) and when, in the
 * assignee's time zone (task-local {@code pressureContact}, {@code pressureCallTime}).
 */
@Component("pressureTaskContext")
class PressureTaskContext implements TaskListener {

    static final String CONTACT = "pressureContact";
    static final String CALL_TIME = "pressureCallTime";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private final CollectionCases cases;
    private final ClientService clients;
    private final CallPreferences preferences;

    PressureTaskContext(CollectionCases cases, ClientService clients, CallPreferences preferences) {
        this.cases = cases;
        this.clients = clients;
        this.preferences = preferences;
    }

    @Override
    public void notify(DelegateTask task) {
        String clientId = cases.facts(task.getExecution().getProcessBusinessKey()).clientId();
        ClientDetails client = clients.get(clientId).details();
        String contact = contact(client);
        var zone = preferences.of(task.getAssignee()).timeZone();
        String when = task.getDueDate() == null ? "today"
                : task.getDueDate().toInstant().atZone(zone).format(WHEN) + " (" + zone.getId() + ")";
        task.setVariablesLocal(Map.of(CONTACT, contact, CALL_TIME, when));
    }

    /** Whom to talk to, as Markdown for a form: the contact person and phone, as far as known. */
    static String contact(ClientDetails client) {
        return (client.contactPerson() == null ? "the client's contact person" : Markdown.text(client.contactPerson()))
                + (client.phone() == null ? "" : ", " + Markdown.text(client.phone()));
    }
}
