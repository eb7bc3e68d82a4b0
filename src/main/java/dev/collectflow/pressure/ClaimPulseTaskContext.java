package dev.collectflow.pressure;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_NUMBER;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_SENT_ON;

import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.system.Markdown;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the claim-month reminder shows beside the case: whom to talk to, which claim, and the last day the client
 * has to pay (task-local {@code claimPulseContact}, {@code claimPulseClaim}, {@code claimLastDayToPay}).
 */
@Component("claimPulseTaskContext")
public class ClaimPulseTaskContext implements TaskListener {

    static final String CONTACT = "claimPulseContact";
    static final String CLAIM = "claimPulseClaim";
    /** The last day the client has to pay ({@code yyyy-MM-dd}), as the reminder's form and the calendar feed show it. */
    public static final String LAST_DAY_TO_PAY = "claimLastDayToPay";

    private final CollectionCases cases;
    private final ClientService clients;
    private final Deadlines deadlines;

    ClaimPulseTaskContext(CollectionCases cases, ClientService clients, Deadlines deadlines) {
        this.cases = cases;
        this.clients = clients;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        String clientId = cases.facts(task.getExecution().getProcessBusinessKey()).clientId();
        ClientDetails client = clients.get(clientId).details();
        String contact = PressureTaskContext.contact(client);
        Object claimNumber = task.getVariable(CLAIM_NUMBER);
        Object sentOn = task.getVariable(CLAIM_SENT_ON);
        Map<String, Object> shown = new HashMap<>();
        shown.put(CONTACT, contact);
        shown.put(CLAIM, claimNumber == null ? "the claim" : "claim " + Markdown.text(claimNumber.toString())
                + (sentOn == null ? "" : " of " + sentOn));
        shown.put(LAST_DAY_TO_PAY, sentOn == null ? "the end of the claim period"
                : deadlines.lastDayToPay(LocalDate.parse(sentOn.toString())).toString());
        task.setVariablesLocal(shown);
    }
}
