package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.COURT_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Write off invoice": after a lost or uncollectable court case, or when management declines to sue. */
@Component("writeOff")
class WriteOff implements JavaDelegate {

    private final Receivables receivables;

    WriteOff(Receivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = execution.getVariable(COURT_OUTCOME) != null
                ? "court case ended without collection"
                : "management declined the lawsuit";
        receivables.writeOff(execution.getProcessBusinessKey(), reason);
    }
}
