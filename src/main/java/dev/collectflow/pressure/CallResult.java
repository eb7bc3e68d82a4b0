package dev.collectflow.pressure;

/** How the call went (variable {@code callResult}). */
public enum CallResult {
    /** Somebody at the client was reached; who, and what was agreed, is recorded. */
    REACHED,
    /** Nobody could be reached. */
    NOT_REACHED
}
