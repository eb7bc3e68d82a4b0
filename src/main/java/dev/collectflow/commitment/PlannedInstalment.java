package dev.collectflow.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An instalment as agreed: the day, the amount, and when it counts as missed (the end of the day plus tolerance). */
public record PlannedInstalment(LocalDate dueOn, BigDecimal amount, Instant checkAt) {
}
