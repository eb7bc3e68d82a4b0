package dev.collectflow.sales;

/** What the sales manager reached with the client (variable {@code negotiationOutcome}). */
public enum NegotiationOutcome {
    /** The client promised to pay in full by a date. */
    PROMISE,
    /** The client disputes the invoice; finance decides. */
    DISPUTE,
    /** The client agreed to pay the open amount in instalments (variable {@code paymentPlan}). */
    PAYMENT_PLAN,
    /** No agreement, or the client cannot be reached: the case goes to legal at once. */
    NO_AGREEMENT
}
