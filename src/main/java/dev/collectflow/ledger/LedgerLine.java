package dev.collectflow.ledger;

import dev.collectflow.invoice.HistorySettlement;
import dev.collectflow.invoice.InvoiceData;

/** A line of a ledger file read into an invoice (and, for history, how it was settled). */
record LedgerLine(int number, InvoiceData invoice, String clientName, HistorySettlement settlement) {
}
