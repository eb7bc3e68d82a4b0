package dev.collectflow.legal;

/** How a court case ended (variable {@code courtOutcome}). */
public enum CourtOutcome {
    /** Judgment enforced, the amount collected. */
    COLLECTED,
    /** Lost, or nothing to enforce: the invoice is written off. */
    WRITTEN_OFF
}
