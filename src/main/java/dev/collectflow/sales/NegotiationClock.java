package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_DEADLINE;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_TIME_LEFT;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.NEGOTIATION_WORKING_DAYS_LEFT;

import dev.collectflow.collection.Deadlines;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The negotiation period as one clock per case: it starts when negotiation first starts, stops while finance looks
 * into a dispute, and goes on with what was left when the case returns. Counted in calendar days, what is left is
 * the time to the deadline; counted in working days, it is the working days left, counted again from the day the
 * case returns (days off while finance looked into it do not shorten it). The negotiation's boundary timer fires at
 * {@code negotiationDeadline}.
 */
@Component("negotiationClock")
public class NegotiationClock {

    private final Deadlines deadlines;

    public NegotiationClock(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Called as the case enters negotiation: sets the deadline the negotiation timer waits for. */
    public void resume(DelegateExecution execution) {
        Object workingDaysLeft = execution.getVariable(NEGOTIATION_WORKING_DAYS_LEFT);
        Object timeLeft = execution.getVariable(NEGOTIATION_TIME_LEFT);
        if (workingDaysLeft instanceof Integer days) {
            execution.setVariable(NEGOTIATION_DEADLINE, deadlines.negotiationDeadlineResumed(days));
        } else if (timeLeft instanceof String isoDuration) {
            execution.setVariable(NEGOTIATION_DEADLINE, deadlines.fromNow(Duration.parse(isoDuration)));
        } else if (execution.getVariable(NEGOTIATION_DEADLINE) == null) {
            execution.setVariable(NEGOTIATION_DEADLINE, deadlines.negotiationDeadline());
        }
        execution.removeVariable(NEGOTIATION_WORKING_DAYS_LEFT);
        execution.removeVariable(NEGOTIATION_TIME_LEFT);
    }

    /** Called when the negotiation leaves for a dispute: keeps what was left, as the period is counted. */
    public void pause(VariableScope scope) {
        Date deadline = (Date) scope.getVariable(NEGOTIATION_DEADLINE);
        if (deadlines.negotiationCountsWorkingDays()) {
            scope.setVariable(NEGOTIATION_WORKING_DAYS_LEFT, deadlines.negotiationWorkingDaysLeft(deadline));
        } else {
            scope.setVariable(NEGOTIATION_TIME_LEFT, deadlines.timeLeftUntil(deadline).toString());
        }
    }
}
