package dev.collectflow.legal;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.COURT_NOTE;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.COURT_OUTCOME;

import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Record court outcome": collected, or written off. */
@Component("recordCourtOutcome")
class RecordCourtOutcome extends TaskCompletion<RecordCourtOutcome.Result> {

    record Result(CourtOutcome outcome, String note) {
    }

    private final LegalCases legal;

    RecordCourtOutcome(LegalCases legal) {
        super(Activities.RECORD_COURT_OUTCOME, COURT_OUTCOME, COURT_NOTE);
        this.legal = legal;
    }

    @Override
    protected Result read(TaskInput input) {
        return new Result(input.requiredChoice(COURT_OUTCOME, CourtOutcome.class), input.requiredText(COURT_NOTE));
    }

    @Override
    protected void record(Result result, TaskInput input, DelegateTask task) {
        legal.recordCourtOutcome(input.invoiceNumber(), result.outcome(), result.note(), input.actor());
    }
}
