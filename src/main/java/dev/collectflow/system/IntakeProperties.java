package dev.collectflow.system;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;

/** The windows of plausible invoice and payment dates ({@code collectflow.intake.*}, see {@link IntakeDates}). */
@Validated
@ConfigurationProperties("collectflow.intake")
public record IntakeProperties(
        /* How far back an issue or payment date of current business may lie. */
        @NotNull Period lookBack,
        /* How long after its issue date an invoice may fall due. */
        @NotNull Period dueHorizon,
        /* The earliest issue or payment date of settled history (a ledger imported for the figures). */
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate historyFloor) {

    public IntakeProperties {
        requirePositive("look-back", lookBack);
        requirePositive("due-horizon", dueHorizon);
    }

    private static void requirePositive(String name, Period period) {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("collectflow.intake." + name + " must be a positive period, e.g. P1Y");
        }
    }
}
