package dev.collectflow.kpi;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code collectflow.kpi.*}: settings of the figures. */
@Validated
@ConfigurationProperties("collectflow.kpi")
public record KpiProperties(
        /* A client with a closed collection case counts as kept when invoiced again within this period (in days). */
        @NotNull Period loyaltyWindow) {

    public KpiProperties {
        if (loyaltyWindow != null && loyaltyWindow.toTotalMonths() != 0) {
            throw new IllegalArgumentException("collectflow.kpi.loyalty-window must be given in days, e.g. P90D");
        }
    }
}
