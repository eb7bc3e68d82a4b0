package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.collection.ChoiceFields;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import dev.collectflow.commitment.Commitments;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Negotiate payment": the outcome the sales manager reached with the client. */
@Component("recordNegotiationOutcome")
class RecordNegotiationOutcome extends TaskCompletion<RecordNegotiationOutcome.Outcome> {

    record Outcome(NegotiationOutcome outcome, LocalDate promisedDate, String disputeReason, String note,
                   List<PaymentPlanEntry.Line> instalments) {
    }

    private static final ChoiceFields<NegotiationOutcome> FIELDS = ChoiceFields.of(NEGOTIATION_OUTCOME, Map.of(
            NegotiationOutcome.PROMISE, Set.of(PROMISED_DATE),
            NegotiationOutcome.DISPUTE, Set.of(DISPUTE_REASON),
            NegotiationOutcome.PAYMENT_PLAN, Set.of(PAYMENT_PLAN)));

    private final Negotiations negotiations;
    private final NegotiationClock clock;
    private final Deadlines deadlines;
    private final PaymentPlans plans;
    private final Commitments commitments;
    private final CollectionCases cases;

    RecordNegotiationOutcome(Negotiations negotiations, NegotiationClock clock, Deadlines deadlines,
                             PaymentPlans plans, Commitments commitments, CollectionCases cases) {
        super(Activities.NEGOTIATE_PAYMENT, NEGOTIATION_OUTCOME, PROMISED_DATE, DISPUTE_REASON, PAYMENT_PLAN,
                NEGOTIATION_NOTE);
        this.negotiations = negotiations;
        this.clock = clock;
        this.deadlines = deadlines;
        this.plans = plans;
        this.commitments = commitments;
        this.cases = cases;
    }

    @Override
    protected Outcome read(TaskInput input) {
        NegotiationOutcome outcome = input.requiredChoice(NEGOTIATION_OUTCOME, NegotiationOutcome.class);
        String note = input.optionalText(NEGOTIATION_NOTE);
        FIELDS.refuseForeign(input, outcome);
        LocalDate promisedDate = null;
        String disputeReason = null;
        List<PaymentPlanEntry.Line> instalments = List.of();
        if (outcome == NegotiationOutcome.PROMISE) {
            promisedDate = input.requiredDate(PROMISED_DATE, deadlines.zone());
            if (promisedDate != null && promisedDate.isBefore(deadlines.today())) {
                input.reject(PROMISED_DATE, "must not be in the past");
            } else if (promisedDate != null && promisedDate.isAfter(deadlines.latestPromisedDate())) {
                input.reject(PROMISED_DATE, "must not be later than " + deadlines.latestPromisedDate());
            }
        } else if (outcome == NegotiationOutcome.DISPUTE) {
            disputeReason = input.requiredText(DISPUTE_REASON);
        } else if (outcome == NegotiationOutcome.PAYMENT_PLAN) {
            String plan = input.requiredText(PAYMENT_PLAN);
            if (plan != null) {
                instalments = PaymentPlanEntry.read(input, PAYMENT_PLAN, plan,
                        cases.facts(input.invoiceNumber()).openAmount(), deadlines.today(),
                        plans.latestInstalmentDate(), plans.maxInstalments());
            }
        } else if (outcome == NegotiationOutcome.NO_AGREEMENT && note == null && input.isValid(NEGOTIATION_NOTE)) {
            input.reject(NEGOTIATION_NOTE, "is required: say why no agreement was reached");
        }
        return new Outcome(outcome, promisedDate, disputeReason, note, instalments);
    }

    @Override
    protected void record(Outcome o, TaskInput input, DelegateTask task) {
        negotiations.recordOutcome(input.invoiceNumber(), o.outcome(), o.promisedDate(), o.disputeReason(), o.note(),
                input.actor());
        if (o.outcome() == NegotiationOutcome.PROMISE) {
            Date checkAt = deadlines.promiseCheckAt(o.promisedDate());
            commitments.recordPromise(input.invoiceNumber(), o.promisedDate(), checkAt.toInstant(), input.actor());
            task.setVariable(PROMISE_CHECK_AT, checkAt);
        } else if (o.outcome() == NegotiationOutcome.PAYMENT_PLAN) {
            plans.agree(input.invoiceNumber(), o.instalments(), o.note(), input.actor());
        } else if (o.outcome() == NegotiationOutcome.DISPUTE) {
            clock.pause(task.getExecution());
        }
    }
}
