package dev.collectflow.pressure;

import static dev.collectflow.pressure.PressureScaleProcess.Variables.MENTION_FORGIVEN_TIME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send final warning" naming the day the matter goes to the lawyers (asynchronous mail). */
@Component("sendFinalWarning")
class SendFinalWarning implements JavaDelegate {

    private final ClientReminders reminders;

    SendFinalWarning(ClientReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.sendFinalWarning(execution.getProcessBusinessKey(),
                Boolean.TRUE.equals(execution.getVariable(MENTION_FORGIVEN_TIME)));
    }
}
