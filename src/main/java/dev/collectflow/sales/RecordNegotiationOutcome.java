package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.collection.ChoiceFields;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Negotiate payment": the outcome the sales manager reached with the client. */
@Component("recordNegotiationOutcome")
class RecordNegotiationOutcome extends TaskCompletion<RecordNegotiationOutcome.Outcome> {

    record Outcome(NegotiationOutcome outcome, LocalDate promisedDate, String disputeReason, String note) {
    }

    private static final ChoiceFields<NegotiationOutcome> FIELDS = ChoiceFields.of(NEGOTIATION_OUTCOME, Map.of(
            NegotiationOutcome.PROMISE, Set.of(PROMISED_DATE),
            NegotiationOutcome.DISPUTE, Set.of(DISPUTE_REASON)));

    private final Negotiations negotiations;
    private final NegotiationClock clock;
    private final Deadlines deadlines;

    RecordNegotiationOutcome(Negotiations negotiations, NegotiationClock clock, Deadlines deadlines) {
        super(Activities.NEGOTIATE_PAYMENT, NEGOTIATION_OUTCOME, PROMISED_DATE, DISPUTE_REASON, NEGOTIATION_NOTE);
        this.negotiations = negotiations;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    @Override
    protected Outcome read(TaskInput input) {
        NegotiationOutcome outcome = input.requiredChoice(NEGOTIATION_OUTCOME, NegotiationOutcome.class);
        String note = input.optionalText(NEGOTIATION_NOTE);
        FIELDS.refuseForeign(input, outcome);
        LocalDate promisedDate = null;
        String disputeReason = null;
        if (outcome == NegotiationOutcome.PROMISE) {
            promisedDate = input.requiredDate(PROMISED_DATE, deadlines.zone());
            if (promisedDate != null && promisedDate.isBefore(deadlines.today())) {
                input.reject(PROMISED_DATE, "must not be in the past");
            } else if (promisedDate != null && promisedDate.isAfter(deadlines.latestPromisedDate())) {
                input.reject(PROMISED_DATE, "must not be later than " + deadlines.latestPromisedDate());
            }
        } else if (outcome == NegotiationOutcome.DISPUTE) {
            disputeReason = input.requiredText(DISPUTE_REASON);
        } else if (outcome == NegotiationOutcome.NO_AGREEMENT && note == null && input.isValid(NEGOTIATION_NOTE)) {
            input.reject(NEGOTIATION_NOTE, "is required: say why no agreement was reached");
        }
        return new Outcome(outcome, promisedDate, disputeReason, note);
    }

    @Override
    protected void record(Outcome o, TaskInput input, DelegateTask task) {
        negotiations.recordOutcome(input.invoiceNumber(), o.outcome(), o.promisedDate(), o.disputeReason(), o.note(),
                input.actor());
        if (o.outcome() == NegotiationOutcome.PROMISE) {
            task.setVariable(PROMISE_CHECK_AT, deadlines.promiseCheckAt(o.promisedDate()));
        } else if (o.outcome() == NegotiationOutcome.DISPUTE) {
            clock.pause(task.getExecution());
        }
    }
}
