package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.PREVIOUS_SALES_MANAGER;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Tell new and previous owner" (asynchronous mail). */
@Component("tellNewOwner")
class TellNewOwner implements JavaDelegate {

    private final Negotiations negotiations;

    TellNewOwner(Negotiations negotiations) {
        this.negotiations = negotiations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        negotiations.tellNewOwner(execution.getProcessBusinessKey(), (String) execution.getVariable(SALES_MANAGER),
                (String) execution.getVariable(PREVIOUS_SALES_MANAGER));
    }
}
