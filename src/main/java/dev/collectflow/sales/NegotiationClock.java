package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_DEADLINE;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_TIME_LEFT;

import dev.collectflow.collection.Deadlines;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The negotiation period as one clock per case: it starts when negotiation first starts, stops while finance looks
 * into a dispute, and goes on with the time that was left when the case returns. The negotiation's boundary timer
 * fires at {@code negotiationDeadline}.
 */
@Component("negotiationClock")
public class NegotiationClock {

    private final Deadlines deadlines;

    public NegotiationClock(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Called as the case enters negotiation: sets the deadline the negotiation timer waits for. */
    public void resume(DelegateExecution execution) {
        Object left = execution.getVariable(NEGOTIATION_TIME_LEFT);
        if (left instanceof String isoDuration) {
            execution.setVariable(NEGOTIATION_DEADLINE, deadlines.fromNow(Duration.parse(isoDuration)));
            execution.removeVariable(NEGOTIATION_TIME_LEFT);
        } else if (execution.getVariable(NEGOTIATION_DEADLINE) == null) {
            execution.setVariable(NEGOTIATION_DEADLINE, deadlines.negotiationDeadline());
        }
    }

    /** Called when the negotiation leaves for a dispute: keeps the time that was left. */
    public void pause(VariableScope scope) {
        Date deadline = (Date) scope.getVariable(NEGOTIATION_DEADLINE);
        scope.setVariable(NEGOTIATION_TIME_LEFT, deadlines.timeLeftUntil(deadline).toString());
    }
}
