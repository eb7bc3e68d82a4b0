package dev.collectflow.legal;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_OUTCOME;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import dev.collectflow.sales.NegotiationOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand over to legal" (asynchronous: mails the lawyers, the sales manager and the head of sales). */
@Component("handOverToLegal")
class HandOverToLegal implements JavaDelegate {

    private final LegalCases legal;

    HandOverToLegal(LegalCases legal) {
        this.legal = legal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable(NEGOTIATION_OUTCOME);
        EscalationReason reason = EscalationReason.after(
                outcome == null ? null : NegotiationOutcome.valueOf(outcome.toString()));
        legal.handOver(execution.getProcessBusinessKey(), (String) execution.getVariable(SALES_MANAGER), reason);
    }
}
