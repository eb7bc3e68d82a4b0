package dev.collectflow.pressure;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ReminderBlockChanged;
import dev.collectflow.collection.CaseLeftNegotiation;
import dev.collectflow.collection.CaseRegistered;
import dev.collectflow.invoice.InvoiceSettled;
import dev.collectflow.sales.CaseHandedOver;
import dev.collectflow.security.CaseSharing;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a pressure scale beside every case, in the transactions of what happens to it: started when the case is
 * registered, stopped when the invoice is paid or the case goes to legal or ends (its open reminder and call tasks
 * close), told when reminders to the client are blocked (open tasks close; later steps are skipped while the block
 * holds). A block reaches the claim month's reminders of the client's cases as well ({@link ClaimMonthReminders}).
 * When the case follows its client's new owner, so do the scale's open reminder and call.
 */
@Component
class PressureScaleLifecycle {

    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final ClaimMonthReminders claimMonths;
    private final TaskService tasks;
    private final CaseSharing sharing;

    PressureScaleLifecycle(RuntimeService runtime, AuditTrail audit, ClaimMonthReminders claimMonths,
                           TaskService tasks, CaseSharing sharing) {
        this.runtime = runtime;
        this.audit = audit;
        this.claimMonths = claimMonths;
        this.tasks = tasks;
        this.sharing = sharing;
    }

    @EventListener
    void on(CaseRegistered registered) {
        runtime.startProcessInstanceByKey(PressureScaleProcess.KEY, registered.invoiceNumber(),
                Map.of(PressureScaleProcess.Variables.CLIENT_ID, registered.clientId()));
    }

    @EventListener
    void on(InvoiceSettled settled) {
        runtime.createMessageCorrelation(PressureScaleProcess.Messages.STOP)
                .processInstanceBusinessKey(settled.invoiceNumber())
                .correlateAllWithResult();
    }

    /** The case went to legal or ended: the scale stops at once and its open reminder and call tasks close. */
    @EventListener
    void on(CaseLeftNegotiation left) {
        boolean stopped = !runtime.createMessageCorrelation(PressureScaleProcess.Messages.STOP)
                .processInstanceBusinessKey(left.invoiceNumber())
                .correlateAllWithResult().isEmpty();
        if (stopped) {
            audit.record(left.invoiceNumber(), CaseEventType.PRESSURE_SCALE_STOPPED, AuditTrail.SYSTEM,
                    "No more reminders or calls: the case " + left.how());
        }
    }

    /** The new owner takes over the open reminder or call; whom it was taken from may no longer work on it. */
    @EventListener
    void on(CaseHandedOver handedOver) {
        for (Task task : tasks.createTaskQuery().processDefinitionKey(PressureScaleProcess.KEY)
                .processInstanceBusinessKey(handedOver.invoiceNumber())
                .taskDefinitionKeyIn(PressureScaleProcess.Activities.REMIND_OWNER,
                        PressureScaleProcess.Activities.CALL_CLIENT).list()) {
            tasks.setAssignee(task.getId(), handedOver.owner());
            if (handedOver.previousOwner() != null) {
                sharing.withdrawTask(task.getId(), handedOver.previousOwner());
            }
        }
    }

    @EventListener
    void on(ReminderBlockChanged change) {
        for (ProcessInstance scale : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PressureScaleProcess.KEY)
                .variableValueEquals(PressureScaleProcess.Variables.CLIENT_ID, change.clientId())
                .list()) {
            if (change.blocked()) {
                audit.record(scale.getBusinessKey(), CaseEventType.REMINDER_BLOCK_SET, change.actor(), change.detail());
                runtime.createMessageCorrelation(PressureScaleProcess.Messages.CLIENT_BLOCKED)
                        .processInstanceId(scale.getId())
                        .correlateAllWithResult();
            } else {
                audit.record(scale.getBusinessKey(), CaseEventType.REMINDER_BLOCK_LIFTED, change.actor(), change.detail());
            }
        }
        claimMonths.reminderBlockChanged(change);
    }
}
