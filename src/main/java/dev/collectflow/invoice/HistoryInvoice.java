package dev.collectflow.invoice;

/** An invoice to register as closed history, with how it was settled. */
public record HistoryInvoice(InvoiceData invoice, HistorySettlement settlement) {
}
