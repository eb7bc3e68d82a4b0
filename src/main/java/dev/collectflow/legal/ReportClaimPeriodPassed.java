package dev.collectflow.legal;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.LAWYER;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Report claim period passed" (asynchronous mail to the lawyer and the sales manager). */
@Component("reportClaimPeriodPassed")
class ReportClaimPeriodPassed implements JavaDelegate {

    private final LegalCases legal;

    ReportClaimPeriodPassed(LegalCases legal) {
        this.legal = legal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        legal.reportClaimPeriodPassed(execution.getProcessBusinessKey(),
                (String) execution.getVariable(LAWYER), (String) execution.getVariable(SALES_MANAGER));
    }
}
