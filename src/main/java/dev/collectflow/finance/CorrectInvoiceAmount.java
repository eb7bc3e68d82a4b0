package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.AMOUNT_LEFT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Correct invoice amount" after a justified dispute; sets whether anything is left to collect. */
@Component("correctInvoiceAmount")
class CorrectInvoiceAmount implements JavaDelegate {

    private final Receivables receivables;

    CorrectInvoiceAmount(Receivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AMOUNT_LEFT, receivables.applyJustifiedDispute(execution.getProcessBusinessKey()));
    }
}
