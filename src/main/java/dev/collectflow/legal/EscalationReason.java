package dev.collectflow.legal;

/** Why a case went to legal. */
public enum EscalationReason {
    NO_AGREEMENT("the sales manager reached no agreement with the client"),
    PROMISE_BROKEN("the client did not keep the promise to pay"),
    NEGOTIATION_PERIOD_PASSED("the negotiation period passed without an outcome");

    private final String description;

    EscalationReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The reason follows from the last negotiation outcome: "no agreement" and "promise" lead to legal by
     * themselves; any other way there (no outcome, or a dispute and then silence) is the negotiation timer.
     */
    public static EscalationReason after(String lastOutcome) {
        if ("NO_AGREEMENT".equals(lastOutcome)) {
            return NO_AGREEMENT;
        }
        if ("PROMISE".equals(lastOutcome)) {
            return PROMISE_BROKEN;
        }
        return NEGOTIATION_PERIOD_PASSED;
    }
}
