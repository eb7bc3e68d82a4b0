package dev.collectflow.pressure;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLAIM_PULSE_BLOCKED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the client may be reminded": whether this turn of the claim month's reminders is left out. */
@Component("checkClaimPulse")
class CheckClaimPulse implements JavaDelegate {

    private final ClaimMonthReminders reminders;

    CheckClaimPulse(ClaimMonthReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // local to this turn: each time the reminders are due, the block is looked at afresh
        execution.setVariableLocal(CLAIM_PULSE_BLOCKED, reminders.blocked(execution.getProcessBusinessKey()));
    }
}
