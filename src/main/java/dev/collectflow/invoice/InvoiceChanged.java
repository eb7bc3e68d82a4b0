package dev.collectflow.invoice;

/**
 * Published in the transaction that registers an invoice or changes its amounts or status; {@code registered} when
 * that transaction inserted the invoice, so nothing derived from it exists yet.
 */
public record InvoiceChanged(String invoiceNumber, boolean registered) {

    public InvoiceChanged(String invoiceNumber) {
        this(invoiceNumber, false);
    }
}
