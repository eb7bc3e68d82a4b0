package dev.collectflow.sales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** What a sales manager may agree as a payment plan (application.yaml, {@code collectflow.payment-plan.*}). */
@Validated
@ConfigurationProperties("collectflow.payment-plan")
public record PaymentPlanProperties(
        /* How far ahead the last instalment may lie. */
        @NotNull Period horizon,
        /* Most instalments one plan may have. */
        @Min(2) @Max(60) int maxInstalments,
        /* Grace after an instalment's date before it counts as missed. */
        @NotNull Period tolerance) {
}
