package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import dev.collectflow.security.CaseSharing;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Notify sales manager and head" (asynchronous: a mail failure is retried, never rolls the case back). From now on
 * both may read the case.
 */
@Component("notifyOverdue")
class NotifyOverdue implements JavaDelegate {

    private final Negotiations negotiations;
    private final CaseSharing sharing;

    NotifyOverdue(Negotiations negotiations, CaseSharing sharing) {
        this.negotiations = negotiations;
        this.sharing = sharing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> responsible = negotiations.sendOverdueNotice(execution.getProcessBusinessKey(),
                (String) execution.getVariable(SALES_MANAGER));
        sharing.withUsers(execution.getProcessInstanceId(), responsible);
    }
}
