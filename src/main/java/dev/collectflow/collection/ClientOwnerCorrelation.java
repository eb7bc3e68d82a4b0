package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.OWNER_CHANGED_BY;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientChanged;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The client's running cases follow its owner, in the transaction that changed the owner: a case waiting for an
 * owner assignment goes on with the owner the client got elsewhere; a case that already has a sales manager is
 * handed to the new owner ("Client's owner changed" in the model). A case whose sales manager already is the new
 * owner needs nothing (the case whose own assignment set the owner is one). Cases not yet overdue read the owner
 * when they fall due; a client left without owner keeps its cases with their sales managers.
 */
@Component
class ClientOwnerCorrelation {

    private final CollectionCases cases;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    ClientOwnerCorrelation(CollectionCases cases, RuntimeService runtime, AuditTrail audit) {
        this.cases = cases;
        this.runtime = runtime;
        this.audit = audit;
    }

    @EventListener
    @Order(0)
    void on(ClientChanged change) {
        if (!change.ownerChanged() || change.owner() == null) {
            return;
        }
        for (ProcessInstance instance : cases.runningCasesOf(change.clientId())) {
            Object salesManager = runtime.getVariable(instance.getId(), SALES_MANAGER);
            if (change.owner().equals(salesManager)) {
                continue;
            }
            if (salesManager == null) {
                boolean wasWaiting = !runtime.createMessageCorrelation(
                                InvoiceCollectionProcess.Messages.CLIENT_OWNER_ASSIGNED)
                        .processInstanceId(instance.getId())
                        .setVariable(SALES_MANAGER, change.owner())
                        .correlateAllWithResult().isEmpty();
                if (wasWaiting) {
                    audit.record(instance.getBusinessKey(), CaseEventType.OWNER_ASSIGNED, change.changedBy(),
                            "Client " + change.clientId() + " now owned by " + change.owner());
                }
            } else {
                runtime.createMessageCorrelation(InvoiceCollectionProcess.Messages.CLIENT_OWNER_CHANGED)
                        .processInstanceId(instance.getId())
                        .setVariableToTriggeredScope(OWNER_CHANGED_BY, change.changedBy())
                        .correlateWithResult();
            }
        }
    }
}
