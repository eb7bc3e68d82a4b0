package dev.collectflow.finance;

/** Why an invoice is written off (variable {@code writeOffReason}, set on the flows into the write-off join). */
public enum WriteOffReason {
    LAWSUIT_DECLINED("management declined the lawsuit"),
    NOT_COLLECTED_IN_COURT("the court case ended without collection");

    private final String description;

    WriteOffReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
