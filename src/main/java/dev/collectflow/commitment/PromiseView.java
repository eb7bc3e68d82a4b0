package dev.collectflow.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A promise to pay as the case view shows it; grade and paid once decided. */
public record PromiseView(LocalDate promisedDate, BigDecimal amount, String madeBy, Grade grade, BigDecimal paid) {
}
