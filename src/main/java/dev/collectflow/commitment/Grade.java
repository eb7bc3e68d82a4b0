package dev.collectflow.commitment;

/** How a promise to pay or an instalment of a payment plan was kept, decided when it was due (or paid). */
public enum Grade {
    /** Paid in full by its date plus the tolerance. */
    KEPT,
    /** Something was paid by then, not all. */
    PARTLY_KEPT,
    /** Nothing was paid by then. */
    BROKEN;

    /** The grade of an amount due of which {@code paid} was paid. */
    static Grade of(java.math.BigDecimal paid, java.math.BigDecimal due) {
        if (paid.compareTo(due) >= 0) {
            return KEPT;
        }
        return paid.signum() > 0 ? PARTLY_KEPT : BROKEN;
    }
}
