package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notify sales manager and head" (asynchronous: a mail failure is retried, never rolls the case back). */
@Component("notifyOverdue")
class NotifyOverdue implements JavaDelegate {

    private final Negotiations negotiations;

    NotifyOverdue(Negotiations negotiations) {
        this.negotiations = negotiations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        negotiations.sendOverdueNotice(execution.getProcessBusinessKey(), (String) execution.getVariable(SALES_MANAGER));
    }
}
