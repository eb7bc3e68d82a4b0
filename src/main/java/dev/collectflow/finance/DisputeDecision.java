package dev.collectflow.finance;

/** Finance's finding on a disputed invoice (variable {@code disputeDecision}). */
public enum DisputeDecision {
    /** The client is right: the open amount is reduced (or cancelled). */
    JUSTIFIED,
    /** The client owes the amount: negotiation goes on for the days it had left. */
    UNJUSTIFIED
}
