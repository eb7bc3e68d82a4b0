package dev.collectflow.kpi;

import java.math.BigDecimal;

/** The rows of each KPI; amounts are per currency, never added across currencies. */
public final class KpiRows {

    private KpiRows() {
    }

    /** subject: the manager, team or client the row is about ("(no owner)", "(no team)"), or "company". */
    public record OnTime(String subject, String currency, long invoices, long paidOnTime, long paidLate,
                         long paidWithinNegotiation, long unpaid, BigDecimal amountDue, BigDecimal amountPaidOnTime,
                         BigDecimal onTimeRateByCount, BigDecimal onTimeRateByAmount,
                         BigDecimal paidWithinNegotiationRate, BigDecimal averageDaysLate) {
    }

    public record Collected(String currency, BigDecimal beforeDue, BigDecimal negotiation, BigDecimal claim,
                            BigDecimal court, BigDecimal collected, BigDecimal writtenOff, BigDecimal reduced) {
    }

    public record Aging(String currency, BigDecimal current, BigDecimal days1To30, BigDecimal days31To60,
                        BigDecimal days61To90, BigDecimal over90Days, BigDecimal total, long invoices) {
    }

    public record Dso(String currency, BigDecimal receivablesAtEnd, BigDecimal sales, long days, BigDecimal dso) {
    }

    public record Cei(String currency, BigDecimal receivablesAtStart, BigDecimal sales, BigDecimal receivablesAtEnd,
                      BigDecimal currentAtEnd, BigDecimal cei) {
    }

    public record Loyalty(long clientsWithClosedCase, long clientsInvoicedAgain, BigDecimal loyaltyRate,
                          long windowDays) {
    }

    public record StageTime(String stage, long cases, BigDecimal averageDays) {
    }

    public record StageNow(String stage, String currency, long cases, BigDecimal openAmount) {
    }

    /**
     * kind: PROMISE or INSTALMENT; graded: those whose date lies in the period and that were graded; keptRate = kept /
     * graded x 100.
     */
    public record Promises(String subject, String kind, long graded, long kept, long partlyKept, long broken,
                           BigDecimal keptRate) {
    }

    public record Trend(String month, String currency, long invoices, long paidOnTime, BigDecimal onTimeRateByCount,
                        BigDecimal amountDue, BigDecimal amountPaidOnTime, BigDecimal onTimeRateByAmount,
                        BigDecimal collected, BigDecimal writtenOff) {
    }
}
