package dev.collectflow.collection;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How the negotiation period is counted ({@code collectflow.negotiation.*}). */
@Validated
@ConfigurationProperties("collectflow.negotiation")
public record NegotiationProperties(
        /* CALENDAR_DAYS (the regulation's default) or WORKING_DAYS of the business calendar. */
        @NotNull DayCount count) {

    public enum DayCount {
        /** Every day counts: ten days from Monday end on Thursday of the next week. */
        CALENDAR_DAYS,
        /** Only working days count (no weekends, public holidays or closing days). */
        WORKING_DAYS
    }
}
