package dev.collectflow.client;

import java.time.LocalDate;

/** Published when a client's reminder block is set ({@code endsOn} given) or lifted ({@code endsOn} null). */
public record ReminderBlockChanged(String clientId, String actor, String reason, LocalDate endsOn) {

    public boolean blocked() {
        return endsOn != null;
    }

    /** What the change means for the client's cases, as their audit trails record it. */
    public String detail() {
        return blocked() ? "No reminder mails or calls to the client until " + endsOn + ": " + reason
                : "Reminders to the client may go out again";
    }
}
