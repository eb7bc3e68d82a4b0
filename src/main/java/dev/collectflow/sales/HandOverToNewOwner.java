package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand case to new owner": the case's sales manager becomes the client's owner now. */
@Component("handOverToNewOwner")
class HandOverToNewOwner implements JavaDelegate {

    private final OwnerChanges owners;

    HandOverToNewOwner(OwnerChanges owners) {
        this.owners = owners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String previous = (String) execution.getVariable(SALES_MANAGER);
        String owner = owners.handOver(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                (String) execution.getVariable(CLIENT_ID), previous, (String) execution.getVariable(OWNER_CHANGED_BY));
        if (owner != null) {
            execution.setVariable(SALES_MANAGER, owner);
            execution.setVariableLocal(PREVIOUS_SALES_MANAGER, previous);
        }
    }
}
