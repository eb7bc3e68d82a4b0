package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.WRITE_OFF_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Write off invoice", for the reason the way into the write-off recorded. */
@Component("writeOff")
class WriteOff implements JavaDelegate {

    private final Receivables receivables;

    WriteOff(Receivables receivables) {
        this.receivables = receivables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        receivables.writeOff(execution.getProcessBusinessKey(),
                WriteOffReason.valueOf((String) execution.getVariable(WRITE_OFF_REASON)));
    }
}
