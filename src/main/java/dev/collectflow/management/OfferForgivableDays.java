package dev.collectflow.management;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLIENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the director how many days may still be forgiven to the client (task-local {@code forgivableDays}). */
@Component("offerForgivableDays")
class OfferForgivableDays implements TaskListener {

    static final String FORGIVABLE_DAYS = "forgivableDays";

    private final KeyClientDecisions decisions;

    OfferForgivableDays(KeyClientDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(FORGIVABLE_DAYS, decisions.forgivableDays((String) task.getVariable(CLIENT_ID)));
    }
}
