package dev.collectflow.finance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close as collected": the court's enforcement collected what was open; the ledger shows nothing open. */
@Component("closeAsCollected")
class CloseAsCollected implements JavaDelegate {

    private final Receivables receivables;

    CloseAsCollected(Receivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        receivables.closeAsCollected(execution.getProcessBusinessKey());
    }
}
