package dev.collectflow.sales;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.INSTALMENTS_KEPT;

import dev.collectflow.commitment.Commitments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check instalment": grades the instalments whose time has passed; the flag says whether the plan still holds. */
@Component("checkInstalments")
class CheckInstalments implements JavaDelegate {

    private final Commitments commitments;

    CheckInstalments(Commitments commitments) {
        this.commitments = commitments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(INSTALMENTS_KEPT, commitments.gradeDueInstalments(execution.getProcessBusinessKey()));
    }
}
