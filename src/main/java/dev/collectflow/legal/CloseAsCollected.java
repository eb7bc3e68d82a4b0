package dev.collectflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close as collected": the court's enforcement collected what was open. */
@Component("closeAsCollected")
class CloseAsCollected implements JavaDelegate {

    private final LegalCases legal;

    CloseAsCollected(LegalCases legal) {
        this.legal = legal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        legal.closeAsCollected(execution.getProcessBusinessKey());
    }
}
