package dev.collectflow.pressure;

/** The steps of the pressure scale, as the decision table names them. */
public enum PressureStep {
    /** Before the due date: a friendly mail to the client's contact person. */
    FRIENDLY_REMINDER(false),
    /** Level 1: a reminder task in the owner's calendar: a friendly first call, find out what happened. */
    OWNER_REMINDER(true),
    /** Level 2: a call at a set time, its outcome recorded. */
    CALL(true),
    /** The honest last word: the date on which the matter goes to the lawyers. */
    FINAL_WARNING(false),
    /** No further step. */
    NONE(false);

    private final boolean ownersTask;

    PressureStep(boolean ownersTask) {
        this.ownersTask = ownersTask;
    }

    /** Whether the step is a task for the client's owner (else a mail to the client). */
    public boolean isOwnersTask() {
        return ownersTask;
    }

    public String label() {
        return switch (this) {
            case FRIENDLY_REMINDER -> "friendly reminder to the client";
            case OWNER_REMINDER -> "reminder to call the client";
            case CALL -> "call at a set time";
            case FINAL_WARNING -> "final warning to the client";
            case NONE -> "no further step";
        };
    }
}
