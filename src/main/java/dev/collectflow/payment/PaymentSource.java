package dev.collectflow.payment;

/** Where the money of a payment came from; collected-per-stage figures tell them apart. */
public enum PaymentSource {
    /** Reported by the bank or the ERP (POST /api/payments). */
    TRANSFER,
    /** Collected through the court's enforcement. */
    COURT
}
