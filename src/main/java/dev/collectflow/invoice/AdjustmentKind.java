package dev.collectflow.invoice;

/** Why an open amount went down other than by a payment. */
public enum AdjustmentKind {
    /** A justified dispute: the client owes less. */
    REDUCED,
    /** The court's enforcement collected what was open. */
    COLLECTED_IN_COURT,
    WRITTEN_OFF,
    /** Paid before the invoice was imported as closed history. */
    SETTLED_BEFORE_IMPORT
}
