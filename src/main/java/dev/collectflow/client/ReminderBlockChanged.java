package dev.collectflow.client;

import java.time.LocalDate;

/** Published when a client's reminder block is set ({@code endsOn} given) or lifted ({@code endsOn} null). */
public record ReminderBlockChanged(String clientId, String actor, String reason, LocalDate endsOn) {

    public boolean blocked() {
        return endsOn != null;
    }
}
