package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.AMOUNT_LEFT;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.AMOUNT_OWED;

import java.math.BigDecimal;
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
        BigDecimal amountOwed = new BigDecimal((String) execution.getVariable(AMOUNT_OWED));
        execution.setVariable(AMOUNT_LEFT, receivables.correctOpenAmount(execution.getProcessBusinessKey(), amountOwed));
    }
}
