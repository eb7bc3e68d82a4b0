package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.REMINDER_NOTE;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Call the contact (friendly first call)": what the contact said had happened. */
@Component("recordOwnerReminder")
class RecordOwnerReminder extends TaskCompletion<String> {

    private final AuditTrail audit;

    RecordOwnerReminder(AuditTrail audit) {
        super(PressureScaleProcess.Activities.REMIND_OWNER, REMINDER_NOTE);
        this.audit = audit;
    }

    @Override
    protected String read(TaskInput input) {
        return input.requiredText(REMINDER_NOTE);
    }

    @Override
    protected void record(String note, TaskInput input, DelegateTask task) {
        audit.record(input.invoiceNumber(), CaseEventType.OWNER_REMINDER_DONE, input.actor(), note);
    }
}
