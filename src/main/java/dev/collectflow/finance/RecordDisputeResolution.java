package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.collection.ChoiceFields;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completes "Resolve dispute": finance's finding, and for a justified dispute what the client still owes. The
 * finding is kept in the ledger; the amount does not stay in the process.
 */
@Component("recordDisputeResolution")
class RecordDisputeResolution extends TaskCompletion<RecordDisputeResolution.Finding> {

    record Finding(DisputeDecision decision, BigDecimal amountOwed, String note) {
    }

    private static final ChoiceFields<DisputeDecision> FIELDS = ChoiceFields.of(DISPUTE_DECISION,
            Map.of(DisputeDecision.JUSTIFIED, Set.of(AMOUNT_OWED)));

    private final Receivables receivables;

    RecordDisputeResolution(Receivables receivables) {
        super(Activities.RESOLVE_DISPUTE, DISPUTE_DECISION, AMOUNT_OWED, RESOLUTION_NOTE);
        this.receivables = receivables;
    }

    @Override
    protected Finding read(TaskInput input) {
        DisputeDecision decision = input.requiredChoice(DISPUTE_DECISION, DisputeDecision.class);
        String note = input.requiredText(RESOLUTION_NOTE);
        FIELDS.refuseForeign(input, decision);
        BigDecimal amountOwed = null;
        if (decision == DisputeDecision.JUSTIFIED) {
            if (input.variable(AMOUNT_OWED) instanceof String) {
                input.reject(AMOUNT_OWED, "must be a number like 700.50, not text");
            } else {
                amountOwed = input.requiredAmount(AMOUNT_OWED);
            }
            if (amountOwed != null) {
                receivables.reductionRefusal(input.invoiceNumber(), amountOwed)
                        .ifPresent(refusal -> input.reject(AMOUNT_OWED, refusal));
            }
        }
        return new Finding(decision, amountOwed, note);
    }

    @Override
    protected void record(Finding finding, TaskInput input, DelegateTask task) {
        receivables.recordDisputeDecision(input.invoiceNumber(), finding.decision(), finding.amountOwed(),
                finding.note(), input.actor());
        task.getExecution().removeVariable(AMOUNT_OWED); // money is kept in the ledger, not in the process
    }
}
