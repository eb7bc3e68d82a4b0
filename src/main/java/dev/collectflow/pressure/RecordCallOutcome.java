package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.*;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Call client at the set time": who was reached and what was agreed, or that nobody answered. */
@Component("recordCallOutcome")
class RecordCallOutcome extends TaskCompletion<RecordCallOutcome.Outcome> {

    record Outcome(CallResult result, String contact, String agreement) {
    }

    private final AuditTrail audit;

    RecordCallOutcome(AuditTrail audit) {
        super(PressureScaleProcess.Activities.CALL_CLIENT, CALL_RESULT, CALL_CONTACT, CALL_AGREEMENT);
        this.audit = audit;
    }

    @Override
    protected Outcome read(TaskInput input) {
        CallResult result = input.requiredChoice(CALL_RESULT, CallResult.class);
        String contact = input.optionalText(CALL_CONTACT);
        String agreement = input.optionalText(CALL_AGREEMENT);
        if (result == CallResult.REACHED) {
            if (contact == null && input.isValid(CALL_CONTACT)) {
                input.reject(CALL_CONTACT, "is required: say who was reached");
            }
            if (agreement == null && input.isValid(CALL_AGREEMENT)) {
                input.reject(CALL_AGREEMENT, "is required: say what was agreed");
            }
        }
        return new Outcome(result, contact, agreement);
    }

    @Override
    protected void record(Outcome outcome, TaskInput input, DelegateTask task) {
        String detail = outcome.result() == CallResult.REACHED
                ? "Reached " + outcome.contact() + "; agreed: " + outcome.agreement()
                : "Nobody reached" + (outcome.agreement() == null ? "" : "; " + outcome.agreement());
        audit.record(input.invoiceNumber(), CaseEventType.CALL_MADE, input.actor(), detail);
    }
}
