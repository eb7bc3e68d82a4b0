package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.SALES_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Tell those involved" after full payment (asynchronous mail). */
@Component("notifyInvoicePaid")
class NotifyInvoicePaid implements JavaDelegate {

    private final InvoicePaidNotice notice;

    NotifyInvoicePaid(InvoicePaidNotice notice) {
        this.notice = notice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notice.send(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                (String) execution.getVariable(SALES_MANAGER));
    }
}
