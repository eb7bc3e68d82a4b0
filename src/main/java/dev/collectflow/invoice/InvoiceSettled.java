package dev.collectflow.invoice;

/** Published when payments have paid an invoice in full. */
public record InvoiceSettled(String invoiceNumber) {
}
