package dev.collectflow.finance;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import dev.collectflow.invoice.InvoiceService;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Resolve dispute": finance's finding, and for a justified dispute what the client still owes. */
@Component("recordDisputeResolution")
class RecordDisputeResolution extends TaskCompletion<RecordDisputeResolution.Finding> {

    record Finding(DisputeDecision decision, BigDecimal amountOwed, String note) {
    }

    private final Receivables receivables;
    private final InvoiceService invoices;

    RecordDisputeResolution(Receivables receivables, InvoiceService invoices) {
        super(Activities.RESOLVE_DISPUTE, DISPUTE_DECISION, AMOUNT_OWED, RESOLUTION_NOTE);
        this.receivables = receivables;
        this.invoices = invoices;
    }

    @Override
    protected Finding read(TaskInput input) {
        DisputeDecision decision = input.requiredChoice(DISPUTE_DECISION, DisputeDecision.class);
        String note = input.requiredText(RESOLUTION_NOTE);
        BigDecimal amountOwed = null;
        if (decision == DisputeDecision.JUSTIFIED) {
            amountOwed = input.requiredAmount(AMOUNT_OWED);
            BigDecimal open = invoices.get(input.invoiceNumber()).getOpenAmount();
            if (amountOwed != null && amountOwed.compareTo(open) >= 0) {
                input.reject(AMOUNT_OWED, "must be less than the open amount " + open
                        + " (a justified dispute reduces it; 0 cancels the invoice)");
            }
        }
        return new Finding(decision, amountOwed, note);
    }

    @Override
    protected void record(Finding finding, TaskInput input, DelegateTask task) {
        receivables.recordDisputeDecision(input.invoiceNumber(), finding.decision(), finding.amountOwed(),
                finding.note(), input.actor());
        if (finding.amountOwed() != null) {
            task.setVariable(AMOUNT_OWED, finding.amountOwed().toPlainString()); // the checked amount, exactly
        }
    }
}
