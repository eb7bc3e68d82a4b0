package dev.collectflow.management;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.collection.ChoiceFields;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.collection.TaskCompletion;
import dev.collectflow.collection.TaskInput;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Completes "Decide on key-client exception": forgive some days (within the client's limit) or apply the regulation. */
@Component("recordKeyClientDecision")
class RecordKeyClientDecision extends TaskCompletion<RecordKeyClientDecision.Decision> {

    record Decision(KeyClientDecision decision, Integer days, String reason, String clientId) {
    }

    private static final ChoiceFields<KeyClientDecision> FIELDS = ChoiceFields.of(KEY_CLIENT_DECISION,
            Map.of(KeyClientDecision.FORGIVE, Set.of(FORGIVEN_DAYS)));

    private final KeyClientDecisions decisions;

    RecordKeyClientDecision(KeyClientDecisions decisions) {
        super(Activities.DECIDE_KEY_CLIENT_EXCEPTION, KEY_CLIENT_DECISION, FORGIVEN_DAYS, KEY_CLIENT_REASON);
        this.decisions = decisions;
    }

    @Override
    protected Decision read(TaskInput input) {
        KeyClientDecision decision = input.requiredChoice(KEY_CLIENT_DECISION, KeyClientDecision.class);
        String reason = input.requiredText(KEY_CLIENT_REASON);
        String clientId = (String) input.variable(CLIENT_ID);
        FIELDS.refuseForeign(input, decision);
        Integer days = null;
        if (decision == KeyClientDecision.FORGIVE) {
            int forgivable = decisions.forgivableDays(clientId);
            if (forgivable == 0) {
                input.reject(KEY_CLIENT_DECISION, "cannot be FORGIVE: the client's forgiveness limit is used up");
            } else {
                days = input.requiredWholeNumber(FORGIVEN_DAYS, 1, forgivable);
            }
        }
        return new Decision(decision, days, reason, clientId);
    }

    @Override
    protected void record(Decision d, TaskInput input, DelegateTask task) {
        if (d.decision() == KeyClientDecision.FORGIVE) {
            decisions.forgive(d.clientId(), input.invoiceNumber(), d.days(), input.actor(), d.reason());
            task.setVariable(FORGIVEN_DAYS, d.days()); // the checked whole number is what the timer counts
        } else {
            decisions.applyStandardRegulation(input.invoiceNumber(), input.actor(), d.reason());
        }
    }
}
