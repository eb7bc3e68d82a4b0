package dev.collectflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one way figures are rounded: percentages to 2 decimals, averages of days to 1 decimal, half up. */
final class Rates {

    private Rates() {
    }

    /** numerator / denominator × 100, rounded half up to 2 decimals; null when there is nothing to divide by. */
    static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long numerator, long denominator) {
        return percent(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** sum / count rounded half up to 1 decimal; null when count is 0. */
    static BigDecimal average(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal average(long sum, long count) {
        return average(BigDecimal.valueOf(sum), count);
    }

    static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
