package dev.collectflow.pressure;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Completes a task whose one field is a required note in the sales manager's words, kept in the audit trail. */
abstract class RecordNote extends TaskCompletion<String> {

    private final AuditTrail audit;
    private final String field;
    private final CaseEventType recordedAs;

    RecordNote(AuditTrail audit, String taskDefinitionKey, String field, CaseEventType recordedAs) {
        super(taskDefinitionKey, field);
        this.audit = audit;
        this.field = field;
        this.recordedAs = recordedAs;
    }

    @Override
    protected String read(TaskInput input) {
        return input.requiredText(field);
    }

    @Override
    protected void record(String note, TaskInput input, DelegateTask task) {
        audit.record(input.invoiceNumber(), recordedAs, input.actor(), note);
    }
}
