package dev.collectflow.management;

/** Management's decision whether to sue a key client (variable {@code lawsuitDecision}). */
public enum LawsuitDecision {
    APPROVE,
    /** No lawsuit: the invoice is written off. */
    DECLINE
}
