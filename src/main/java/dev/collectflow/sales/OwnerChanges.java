package dev.collectflow.sales;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.security.CaseSharing;
import dev.collectflow.staff.SalesTeams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case follows its client's owner: the new owner takes over the open tasks the regulation gives the sales manager
 * (the negotiation, the claim month's reminders) as their assignee, with the right to work on them that the previous
 * owner loses; the negotiation gets the new owner's head of sales instead of the previous one as the people who may
 * take it over. The new owner and their head of sales may read the case from then on, whoever read it by a grant
 * of their own before no longer (unless they are the new ones). Tasks of the case outside the regulation follow
 * through {@link CaseHandedOver}.
 */
@Service
public class OwnerChanges {

    private final ClientService clients;
    private final SalesTeams teams;
    private final TaskService tasks;
    private final CaseSharing sharing;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public OwnerChanges(ClientService clients, SalesTeams teams, TaskService tasks, CaseSharing sharing,
                        AuditTrail audit, ApplicationEventPublisher events) {
        this.clients = clients;
        this.teams = teams;
        this.tasks = tasks;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
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
        List<Task> handed = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(InvoiceCollectionProcess.SALES_MANAGERS_TASKS.toArray(String[]::new)).list();
        List<String> newHeads = teams.headsOf(owner);
        for (Task task : handed) {
            tasks.setAssignee(task.getId(), owner);
            List<String> leaving = new ArrayList<>();
            leaving.add(previousOwner);
            if (Activities.NEGOTIATE_PAYMENT.equals(task.getTaskDefinitionKey())) {
                // the heads the task was offered to, whatever team they lead now, give way to the new owner's
                candidates(task.getId()).stream().filter(head -> !newHeads.contains(head)).forEach(head -> {
                    tasks.deleteCandidateUser(task.getId(), head);
                    leaving.add(head);
                });
                newHeads.forEach(head -> tasks.addCandidateUser(task.getId(), head));
            }
            withdraw(task.getId(), leaving, owner);
        }
        List<String> readers = new ArrayList<>(newHeads);
        readers.add(owner);
        sharing.onlyWithUsers(processInstanceId, readers);
        audit.record(invoiceNumber, CaseEventType.OWNER_CHANGED, changedBy,
                "Client " + clientId + " now owned by " + owner + "; case handed over from " + previousOwner
                        + handedOver(handed));
        events.publishEvent(new CaseHandedOver(invoiceNumber, previousOwner, owner));
        return owner;
    }

    /** The people a task was handed away from lose the right to work on it, unless they still are its candidates. */
    private void withdraw(String taskId, List<String> leaving, String owner) {
        Set<String> candidates = candidates(taskId);
        leaving.stream().filter(user -> user != null && !user.equals(owner) && !candidates.contains(user))
                .forEach(user -> sharing.withdrawTask(taskId, user));
    }

    private Set<String> candidates(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).collect(Collectors.toSet());
    }

    /** " with its open negotiation and 2 reminders of the claim", or nothing when no task was open. */
    private static String handedOver(List<Task> handed) {
        long negotiations = handed.stream()
                .filter(task -> Activities.NEGOTIATE_PAYMENT.equals(task.getTaskDefinitionKey())).count();
        long reminders = handed.size() - negotiations;
        List<String> what = new ArrayList<>();
        if (negotiations > 0) {
            what.add("negotiation");
        }
        if (reminders > 0) {
            what.add(reminders == 1 ? "reminder of the claim" : reminders + " reminders of the claim");
        }
        return what.isEmpty() ? "" : " with its open " + String.join(" and ", what);
    }
}
