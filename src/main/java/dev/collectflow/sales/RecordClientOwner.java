package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLIENT_ID;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import dev.collectflow.staff.SalesTeams;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Assign client owner": the chosen sales manager owns the client from now on and negotiates this case. */
@Component("recordClientOwner")
class RecordClientOwner extends TaskCompletion<String> {

    private final ClientService clients;
    private final SalesTeams teams;
    private final AuditTrail audit;

    RecordClientOwner(ClientService clients, SalesTeams teams, AuditTrail audit) {
        super(Activities.ASSIGN_CLIENT_OWNER, SALES_MANAGER);
        this.clients = clients;
        this.teams = teams;
        this.audit = audit;
    }

    @Override
    protected String read(TaskInput input) {
        String owner = input.requiredText(SALES_MANAGER);
        if (owner != null && !teams.isSalesManager(owner)) {
            input.reject(SALES_MANAGER, "must be a member of the sales group");
        }
        String current = clients.get((String) input.variable(CLIENT_ID)).getOwner();
        if (owner != null && current != null && !current.equals(owner)) {
            input.reject(SALES_MANAGER, "cannot be " + owner + ": the client is owned by " + current + " already");
        }
        return owner;
    }

    /**
     * The case takes the owner first, then the client: the client's other cases waiting for an owner follow it,
     * and this case, already following, is left alone.
     */
    @Override
    protected void record(String owner, TaskInput input, DelegateTask task) {
        String clientId = (String) input.variable(CLIENT_ID);
        task.setVariable(SALES_MANAGER, owner);
        audit.record(input.invoiceNumber(), CaseEventType.OWNER_ASSIGNED, input.actor(),
                "Client " + clientId + " now owned by " + owner);
        clients.assignFirstOwner(clientId, owner, input.actor());
    }
}
