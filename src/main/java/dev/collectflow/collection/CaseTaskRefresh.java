package dev.collectflow.collection;

import dev.collectflow.client.ClientChanged;
import dev.collectflow.invoice.OpenAmountChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shows a change of a case's facts at once in its open tasks, in the transaction of the change: a payment's new
 * open amount, a client's new name or key-client flag.
 */
@Component
class CaseTaskRefresh {

    private final CaseTaskContext context;
    private final CollectionCases cases;

    CaseTaskRefresh(CaseTaskContext context, CollectionCases cases) {
        this.context = context;
        this.cases = cases;
    }

    @EventListener
    void on(OpenAmountChanged change) {
        context.refresh(change.invoiceNumber());
    }

    /** After the case has followed a new owner (see {@link ClientOwnerCorrelation}). */
    @EventListener
    @Order(10)
    void on(ClientChanged change) {
        cases.runningCasesOf(change.clientId()).forEach(instance -> context.refresh(instance.getBusinessKey()));
    }
}
