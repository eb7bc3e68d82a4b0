package dev.collectflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How an invoice imported as history was settled before it reached CollectFlow: the rest was written off. */
public record HistorySettlement(LocalDate settledOn, BigDecimal settledAmount, boolean disputed) {
}
