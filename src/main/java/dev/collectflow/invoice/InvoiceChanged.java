package dev.collectflow.invoice;

/** Published in the transaction that registers an invoice or changes its amounts or status. */
public record InvoiceChanged(String invoiceNumber) {
}
