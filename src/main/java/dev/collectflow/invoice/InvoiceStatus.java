package dev.collectflow.invoice;

/** Where the money of an invoice stands. A closed invoice has nothing left to collect. */
public enum InvoiceStatus {
    /** Registered, not yet due. */
    OPEN,
    /** Due date passed with an amount still open: the regulation runs. */
    OVERDUE,
    PAID,
    /** A justified dispute cancelled what was left. */
    CANCELLED,
    /** Collected through the court. */
    COLLECTED,
    WRITTEN_OFF;

    public boolean isClosed() {
        return this != OPEN && this != OVERDUE;
    }
}
