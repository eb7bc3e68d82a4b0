package dev.collectflow.pressure;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_PULSE_NOTE;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Remind the client of the claim": how the client stands, in the sales manager's words. */
@Component("recordClaimPulse")
class RecordClaimPulse extends TaskCompletion<String> {

    private final AuditTrail audit;

    RecordClaimPulse(AuditTrail audit) {
        super(InvoiceCollectionProcess.Activities.REMIND_CLIENT_OF_CLAIM, CLAIM_PULSE_NOTE);
        this.audit = audit;
    }

    @Override
    protected String read(TaskInput input) {
        return input.requiredText(CLAIM_PULSE_NOTE);
    }

    @Override
    protected void record(String note, TaskInput input, DelegateTask task) {
        audit.record(input.invoiceNumber(), CaseEventType.CLAIM_REMINDER_DONE, input.actor(), note);
    }
}
