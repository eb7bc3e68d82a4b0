package dev.collectflow.legal;

/** Why a case went to legal (variable {@code escalationReason}, set on the flows into the escalation join). */
public enum EscalationReason {
    NO_AGREEMENT("the sales manager reached no agreement with the client"),
    PROMISE_BROKEN("the client did not keep the promise to pay"),
    PAYMENT_PLAN_BROKEN("the client missed an instalment of the payment plan"),
    NEGOTIATION_PERIOD_PASSED("the negotiation period passed without an outcome");

    private final String description;

    EscalationReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
