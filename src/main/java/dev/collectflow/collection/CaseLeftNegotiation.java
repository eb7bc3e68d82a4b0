package dev.collectflow.collection;

/**
 * Published in the transaction in which a case leaves negotiation for good: handed over to legal, or ended in any
 * way (paid, cancelled, written off, collected in court, cancelled by an operator). Whatever runs beside the
 * negotiation stops then. {@code how} completes "the case …", e.g. "was handed over to legal".
 */
public record CaseLeftNegotiation(String invoiceNumber, String how) {
}
