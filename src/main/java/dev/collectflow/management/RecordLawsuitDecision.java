package dev.collectflow.management;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.LAWSUIT_DECISION;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.LAWSUIT_REASON;

import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Approve lawsuit": only management decides whether a key client is sued. */
@Component("recordLawsuitDecision")
class RecordLawsuitDecision extends TaskCompletion<RecordLawsuitDecision.Decision> {

    record Decision(LawsuitDecision decision, String reason) {
    }

    private final KeyClientDecisions decisions;

    RecordLawsuitDecision(KeyClientDecisions decisions) {
        super(Activities.APPROVE_LAWSUIT, LAWSUIT_DECISION, LAWSUIT_REASON);
        this.decisions = decisions;
    }

    @Override
    protected Decision read(TaskInput input) {
        return new Decision(input.requiredChoice(LAWSUIT_DECISION, LawsuitDecision.class),
                input.requiredText(LAWSUIT_REASON));
    }

    @Override
    protected void record(Decision d, TaskInput input, DelegateTask task) {
        decisions.decideLawsuit(input.invoiceNumber(), d.decision(), input.actor(), d.reason());
    }
}
