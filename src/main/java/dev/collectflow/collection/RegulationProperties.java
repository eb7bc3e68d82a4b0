package dev.collectflow.collection;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotNull;

/** The periods of the company's regulation (application.yaml, {@code collectflow.regulation.*}). */
@Validated
@ConfigurationProperties("collectflow.regulation")
public record RegulationProperties(
        /* Time the sales manager has to reach an outcome with the client. */
        @NotNull Period negotiationPeriod,
        /* Time the client has to pay after the lawyer sent the claim. */
        @NotNull Period claimPeriod,
        /* Grace after a promised payment date before the promise counts as broken. */
        @NotNull Period promiseTolerance,
        /* How far ahead a promised payment date may lie; a later "promise" is no agreement. */
        @NotNull Period promiseHorizon,
        /* Overdue time management may forgive one key client within any forgiveness window. */
        @NotNull Period forgivenessLimit,
        /* The window the forgiveness limit counts in (P365D: any 365 days). */
        @NotNull Period forgivenessWindow,
        /* Time a person has for a decision or step of the regulation (due date of their task). */
        @NotNull Period responsePeriod) {

    public RegulationProperties {
        requireDays("negotiation-period", negotiationPeriod);
        requireDays("forgiveness-limit", forgivenessLimit);
        requireDays("forgiveness-window", forgivenessWindow);
    }

    /** Periods that are counted in days must be given in days (P60D, not P2M). */
    private static void requireDays(String name, Period period) {
        if (period != null && period.toTotalMonths() != 0) {
            throw new IllegalArgumentException("collectflow.regulation." + name + " must be given in days, e.g. P10D");
        }
    }
}
