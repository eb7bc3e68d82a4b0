package dev.collectflow.system;

import java.time.LocalDate;

/**
 * Bounds of the half-open periods [from, to) in which a recorded fact held (who owned a client, who was in which
 * team): stored as dates so every query compares dates the same way on H2 and PostgreSQL.
 */
public final class Validity {

    /** "Since ever": the first recorded state also counts for everything before it was recorded. */
    public static final LocalDate SINCE_EVER = LocalDate.of(1900, 1, 1);
    /** "Still so": the period has not ended. */
    public static final LocalDate STILL = LocalDate.of(9999, 12, 31);

    private Validity() {
    }
}
