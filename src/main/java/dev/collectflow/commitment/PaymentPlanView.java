package dev.collectflow.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's payment plan as the case view shows it: each instalment with what payments since the plan was agreed
 * have covered of it so far (applied in order) and its grade once decided.
 */
public record PaymentPlanView(BigDecimal total, String agreedBy, Instant agreedAt, List<Line> instalments) {

    public record Line(int number, LocalDate dueOn, BigDecimal amount, BigDecimal paid, Grade grade) {
    }
}
