package dev.collectflow.collection;

import dev.collectflow.invoice.InvoiceSettled;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the case of an invoice that payments have settled, in the transaction that booked the payment: the booking
 * and the end of the case commit together or not at all. A case that is no longer waiting (already ended) is fine.
 */
@Component
class InvoicePaidCorrelation {

    private final RuntimeService runtime;

    InvoicePaidCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(InvoiceSettled settled) {
        runtime.createMessageCorrelation(InvoiceCollectionProcess.Messages.INVOICE_PAID)
                .processInstanceBusinessKey(settled.invoiceNumber())
                .correlateAllWithResult();
    }
}
