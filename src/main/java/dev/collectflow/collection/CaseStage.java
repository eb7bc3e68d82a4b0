package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The stage of the regulation a case is in, read from where its process instance stands. */
public enum CaseStage {
    NOT_DUE,
    OVERDUE,
    KEY_CLIENT_DECISION,
    FORGIVEN,
    NEGOTIATION,
    DISPUTE,
    PROMISE_TO_PAY,
    PAYMENT_PLAN,
    LEGAL_CLAIM,
    COURT,
    CLOSED;

    private static final Map<String, CaseStage> BY_ACTIVITY = Map.ofEntries(
            Map.entry(START_INVOICE_REGISTERED, NOT_DUE),
            Map.entry(DUE_DATE_PASSED, NOT_DUE),
            Map.entry(CONFIRM_OPEN_AMOUNT, OVERDUE),
            Map.entry(ASSIGN_CLIENT_OWNER, OVERDUE),
            Map.entry(NOTIFY_OVERDUE, OVERDUE),
            Map.entry(DECIDE_KEY_CLIENT_EXCEPTION, KEY_CLIENT_DECISION),
            Map.entry(FORGIVENESS_PERIOD_OVER, FORGIVEN),
            Map.entry(NEGOTIATE_PAYMENT, NEGOTIATION),
            Map.entry(RESOLVE_DISPUTE, DISPUTE),
            Map.entry(CORRECT_INVOICE_AMOUNT, DISPUTE),
            Map.entry(PROMISED_DATE_PASSED, PROMISE_TO_PAY),
            Map.entry(GRADE_PROMISE, PROMISE_TO_PAY),
            Map.entry(INSTALMENT_DATE_PASSED, PAYMENT_PLAN),
            Map.entry(CHECK_INSTALMENTS, PAYMENT_PLAN),
            Map.entry(HAND_OVER_TO_LEGAL, LEGAL_CLAIM),
            Map.entry(SEND_CLAIM, LEGAL_CLAIM),
            Map.entry(CLAIM_PERIOD_PASSED, LEGAL_CLAIM),
            Map.entry(REPORT_CLAIM_PERIOD_PASSED, LEGAL_CLAIM),
            Map.entry(APPROVE_LAWSUIT, COURT),
            Map.entry(FILE_LAWSUIT, COURT),
            Map.entry(RECORD_COURT_OUTCOME, COURT),
            Map.entry(CLOSE_AS_COLLECTED, COURT),
            Map.entry(WRITE_OFF, COURT),
            Map.entry(NOTIFY_INVOICE_PAID, CLOSED));

    /** The stage of the furthest of the given activities; activities that mark no stage are ignored. */
    public static CaseStage of(Collection<String> activityIds) {
        return activityIds.stream()
                .map(BY_ACTIVITY::get)
                .filter(stage -> stage != null)
                .max(Comparator.naturalOrder())
                .orElse(CLOSED);
    }

    /** The activities at which a case is in this stage. */
    public Set<String> activities() {
        return BY_ACTIVITY.entrySet().stream().filter(entry -> entry.getValue() == this)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this activity marks a stage (the process model test checks that every wait state does). */
    public static boolean marks(String activityId) {
        return BY_ACTIVITY.containsKey(activityId);
    }
}
