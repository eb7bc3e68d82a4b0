package dev.collectflow.legal;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completes "Send pre-court claim": records the claim and starts the client's period to pay from the sending date.
 * The lawyer who sent it keeps the case.
 */
@Component("recordClaimSent")
class RecordClaimSent extends TaskCompletion<RecordClaimSent.Claim> {

    record Claim(String number, LocalDate sentOn) {
    }

    private final LegalCases legal;
    private final Deadlines deadlines;

    RecordClaimSent(LegalCases legal, Deadlines deadlines) {
        super(Activities.SEND_CLAIM, CLAIM_NUMBER, CLAIM_SENT_ON);
        this.legal = legal;
        this.deadlines = deadlines;
    }

    @Override
    protected Claim read(TaskInput input) {
        String number = input.requiredText(CLAIM_NUMBER);
        LocalDate sentOn = LegalDates.requiredDayOfStep(input, CLAIM_SENT_ON, deadlines);
        return new Claim(number, sentOn);
    }

    @Override
    protected void record(Claim claim, TaskInput input, DelegateTask task) {
        legal.recordClaimSent(input.invoiceNumber(), claim.number(), claim.sentOn(),
                deadlines.lastDayToPay(claim.sentOn()), input.actor());
        task.setVariable(LAWYER, input.actor());
        task.setVariable(CLAIM_DEADLINE, deadlines.claimDeadline(claim.sentOn()));
    }
}
