package dev.collectflow.invoice;

/** Published when what is open of an invoice changed (a payment, a justified dispute, collection in court). */
public record OpenAmountChanged(String invoiceNumber) {
}
