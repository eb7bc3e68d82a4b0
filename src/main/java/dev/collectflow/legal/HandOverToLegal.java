package dev.collectflow.legal;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.ESCALATION_REASON;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import dev.collectflow.security.CaseSharing;
import dev.collectflow.system.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Hand over to legal" (asynchronous: mails the lawyers, the sales manager and the head of sales). From now on the
 * legal department may read the case.
 */
@Component("handOverToLegal")
class HandOverToLegal implements JavaDelegate {

    private final LegalCases legal;
    private final CaseSharing sharing;

    HandOverToLegal(LegalCases legal, CaseSharing sharing) {
        this.legal = legal;
        this.sharing = sharing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationReason reason = EscalationReason.valueOf((String) execution.getVariable(ESCALATION_REASON));
        legal.handOver(execution.getProcessBusinessKey(), (String) execution.getVariable(SALES_MANAGER), reason);
        sharing.withGroup(execution.getProcessInstanceId(), Groups.LEGAL);
    }
}
