package dev.collectflow.sales;

/**
 * Published in the transaction in which a case follows its client's new owner, so whatever else gives that case's
 * owner tasks (the pressure scale's reminders and calls) hands them over too.
 */
public record CaseHandedOver(String invoiceNumber, String previousOwner, String owner) {
}
