package dev.collectflow.sales;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.security.CaseSharing;
import dev.collectflow.staff.SalesTeams;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case follows its client's owner: the new owner takes over the open negotiation (assignee, and their head of
 * sales instead of the previous one as the people who may take it over) and may read the case from then on.
 */
@Service
public class OwnerChanges {

    private final ClientService clients;
    private final SalesTeams teams;
    private final TaskService tasks;
    private final CaseSharing sharing;
    private final AuditTrail audit;

    public OwnerChanges(ClientService clients, SalesTeams teams, TaskService tasks, CaseSharing sharing,
                        AuditTrail audit) {
        this.clients = clients;
        this.teams = teams;
        this.tasks = tasks;
        this.sharing = sharing;
        this.audit = audit;
    }

    /**
     * Hands the case to the client's owner now; answers that owner, or null when the case already is theirs (or the
     * client has none, in which case the case stays where it is).
     */
    @Transactional
    public String handOver(String invoiceNumber, String processInstanceId, String clientId, String previousOwner,
                           String changedBy) {
        String owner = clients.get(clientId).getOwner();
        if (owner == null || owner.equals(previousOwner)) {
            return null;
        }
        List<Task> negotiations = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Activities.NEGOTIATE_PAYMENT).list();
        List<String> newHeads = teams.headsOf(owner);
        for (Task negotiation : negotiations) {
            tasks.setAssignee(negotiation.getId(), owner);
            teams.headsOf(previousOwner).stream().filter(head -> !newHeads.contains(head))
                    .forEach(head -> tasks.deleteCandidateUser(negotiation.getId(), head));
            newHeads.forEach(head -> tasks.addCandidateUser(negotiation.getId(), head));
        }
        List<String> readers = new ArrayList<>(newHeads);
        readers.add(owner);
        sharing.withUsers(processInstanceId, readers);
        audit.record(invoiceNumber, CaseEventType.OWNER_CHANGED, changedBy,
                "Client " + clientId + " now owned by " + owner + "; case handed over from " + previousOwner
                        + (negotiations.isEmpty() ? "" : " with its open negotiation"));
        return owner;
    }
}
