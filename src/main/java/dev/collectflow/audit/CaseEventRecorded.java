package dev.collectflow.audit;

/** Published in the transaction that records a line of a case's audit trail. */
public record CaseEventRecorded(String invoiceNumber, CaseEventType type) {
}
