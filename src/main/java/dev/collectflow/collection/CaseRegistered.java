package dev.collectflow.collection;

/** Published in the transaction that registered an invoice and started its case. */
public record CaseRegistered(String invoiceNumber, String clientId) {
}
