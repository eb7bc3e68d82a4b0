package dev.collectflow.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * One KPI as the API answers it: which figure, how it is computed, for which period (or day), and its rows. As CSV
 * ({@code Accept: text/csv}) only the rows are written, one line each, with a header.
 */
public record KpiReport<R>(String kpi, String definition, String by, LocalDate from, LocalDate to, LocalDate asOf,
                           List<R> rows) {
}
