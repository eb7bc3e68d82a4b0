package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import dev.collectflow.collection.CaseFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Confirm open amount": the case becomes overdue and goes to the client's owner now; from then on it follows the
 * client's owner (see "Client's owner changed").
 */
@Component("confirmOpenAmount")
class ConfirmOpenAmount implements JavaDelegate {

    private final Receivables receivables;

    ConfirmOpenAmount(Receivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFacts facts = receivables.confirmOverdue(execution.getProcessBusinessKey());
        execution.setVariable(SALES_MANAGER, facts.owner());
    }
}
