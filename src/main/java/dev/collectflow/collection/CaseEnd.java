package dev.collectflow.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The collection process's {@code end} listener: however a case ends (an end event, or an operator cancelling it),
 * it says so with {@link CaseLeftNegotiation}, so nothing beside the case outlives it.
 */
@Component("caseEnd")
class CaseEnd implements ExecutionListener {

    private final ApplicationEventPublisher events;

    CaseEnd(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String how = execution.isCanceled() ? "was cancelled" : "ended";
        events.publishEvent(new CaseLeftNegotiation(execution.getProcessBusinessKey(), how));
    }
}
