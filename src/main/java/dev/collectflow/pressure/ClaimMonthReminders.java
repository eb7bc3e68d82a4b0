package dev.collectflow.pressure;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ReminderBlock;
import dev.collectflow.client.ReminderBlockChanged;
import dev.collectflow.client.ReminderBlocks;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.InvoiceCollectionProcess;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim month's reminders and a client's reminder block: the block stops calls to the client, so while it holds
 * no reminder is given (each one left out is recorded with the block's end and reason), and setting it withdraws the
 * reminders still open. The claim month itself, the regulation's deadline, runs on; once the block ends or is lifted
 * the next reminder comes on its usual day.
 */
@Service
public class ClaimMonthReminders {

    private final CollectionCases cases;
    private final ReminderBlocks blocks;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    public ClaimMonthReminders(CollectionCases cases, ReminderBlocks blocks, RuntimeService runtime, AuditTrail audit) {
        this.cases = cases;
        this.blocks = blocks;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** Whether this turn's reminder is left out because reminders to the case's client are blocked now. */
    @Transactional
    public boolean blocked(String invoiceNumber) {
        Optional<ReminderBlock> block = blocks.active(cases.facts(invoiceNumber).clientId());
        block.ifPresent(holding -> audit.record(invoiceNumber, CaseEventType.CLAIM_REMINDER_SKIPPED, AuditTrail.SYSTEM,
                "No reminder of the claim this time: reminders to the client are blocked until "
                        + holding.getEndsOn() + " (" + holding.getReason() + ")"));
        return block.isPresent();
    }

    /** Tells the client's cases in their claim month of a block set (open reminders are withdrawn) or lifted. */
    @Transactional
    public void reminderBlockChanged(ReminderBlockChanged change) {
        for (ProcessInstance instance : cases.runningCasesOf(change.clientId())) {
            if (!inClaimMonth(instance)) {
                continue;
            }
            if (!change.blocked()) {
                audit.record(instance.getBusinessKey(), CaseEventType.REMINDER_BLOCK_LIFTED, change.actor(),
                        change.detail());
                continue;
            }
            int withdrawn = runtime.createMessageCorrelation(InvoiceCollectionProcess.Messages.CLIENT_REMINDERS_BLOCKED)
                    .processInstanceId(instance.getId())
                    .correlateAllWithResult().size();
            audit.record(instance.getBusinessKey(), CaseEventType.REMINDER_BLOCK_SET, change.actor(), change.detail()
                    + (withdrawn == 0 ? "" : withdrawn == 1 ? "; the open reminder of the claim is withdrawn"
                            : "; the " + withdrawn + " open reminders of the claim are withdrawn"));
        }
    }

    private boolean inClaimMonth(ProcessInstance instance) {
        var tree = runtime.getActivityInstance(instance.getId());
        return tree != null && tree.getActivityInstances(InvoiceCollectionProcess.Scopes.CLAIM_MONTH).length > 0;
    }
}
