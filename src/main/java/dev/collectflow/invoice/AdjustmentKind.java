package dev.collectflow.invoice;

/** Why an open amount went down other than by a payment (a court collection is a payment with source COURT). */
public enum AdjustmentKind {
    /** A justified dispute: the client owes less. */
    REDUCED,
    WRITTEN_OFF,
    /** Paid before the invoice was imported as closed history. */
    SETTLED_BEFORE_IMPORT
}
