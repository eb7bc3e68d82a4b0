package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.MENTION_FORGIVEN_TIME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send friendly reminder" to the client's contact person (asynchronous mail). */
@Component("sendFriendlyReminder")
class SendFriendlyReminder implements JavaDelegate {

    private final ClientReminders reminders;

    SendFriendlyReminder(ClientReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.sendFriendlyReminder(execution.getProcessBusinessKey(),
                Boolean.TRUE.equals(execution.getVariable(MENTION_FORGIVEN_TIME)));
    }
}
