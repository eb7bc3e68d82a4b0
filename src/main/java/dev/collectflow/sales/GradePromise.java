package dev.collectflow.sales;

import dev.collectflow.commitment.Commitments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record how the promise was kept": the promised date and tolerance passed without full payment, so the promise
 * was partly kept or broken; either way the regulation sends the case to legal.
 */
@Component("gradePromise")
class GradePromise implements JavaDelegate {

    private final Commitments commitments;

    GradePromise(Commitments commitments) {
        this.commitments = commitments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commitments.gradePromise(execution.getProcessBusinessKey());
    }
}
