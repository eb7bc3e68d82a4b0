package dev.collectflow.pressure;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The hand on the pulse during the claim month ({@code collectflow.claim-pulse.*}). */
@Validated
@ConfigurationProperties("collectflow.claim-pulse")
public record ClaimPulseProperties(
        /* How often the sales manager is reminded to stay in touch while the client's claim period runs. */
        @NotNull Period interval,
        /* Time of day (application's time zone) a reminder comes. */
        @NotNull LocalTime time) {

    public ClaimPulseProperties {
        if (interval != null && (interval.toTotalMonths() != 0 || interval.getDays() < 1)) {
            throw new IllegalArgumentException("collectflow.claim-pulse.interval must be whole days, at least P1D, e.g. P7D");
        }
    }
}
