package dev.collectflow.management;

/** Management's decision on an overdue invoice of a key client (variable {@code keyClientDecision}). */
public enum KeyClientDecision {
    /** Forgive the overdue for {@code forgivenDays}; then management decides again. */
    FORGIVE,
    /** Apply the standard regulation: negotiation by the sales manager. */
    STANDARD
}
