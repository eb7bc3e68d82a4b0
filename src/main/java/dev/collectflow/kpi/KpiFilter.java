package dev.collectflow.kpi;

import dev.collectflow.system.CurrencyCode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of every KPI query (query parameters). Dates are yyyy-MM-dd; without from/to the period is the last
 * twelve months up to today; without asOf, today.
 */
public record KpiFilter(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @Size(max = 64) String manager,
        @Size(max = 64) String team,
        @Size(max = 64) String client,
        @CurrencyCode String currency,
        @Pattern(regexp = "manager|team|client|company", message = "must be manager, team, client or company")
        String by) {

    public static KpiFilter none() {
        return new KpiFilter(null, null, null, null, null, null, null, null);
    }
}
