package dev.collectflow.audit;

/** What happened in a collection case. */
public enum CaseEventType {
    REGISTERED,
    OVERDUE,
    OWNER_ASSIGNED,
    OVERDUE_NOTICE_SENT,
    KEY_CLIENT_FORGIVEN,
    KEY_CLIENT_STANDARD_REGULATION,
    PROMISE_TO_PAY,
    /** How a promise to pay was kept: paid in full by its date plus tolerance, something paid, nothing paid. */
    PROMISE_KEPT,
    PROMISE_PARTLY_KEPT,
    PROMISE_BROKEN,
    PAYMENT_PLAN_AGREED,
    /** How an instalment of a payment plan was kept (payments since the plan count for its instalments in order). */
    INSTALMENT_KEPT,
    INSTALMENT_PARTLY_KEPT,
    INSTALMENT_BROKEN,
    DISPUTE_RAISED,
    DISPUTE_JUSTIFIED,
    DISPUTE_REJECTED,
    AMOUNT_CORRECTED,
    NO_AGREEMENT,
    HANDED_TO_LEGAL,
    CLAIM_SENT,
    CLAIM_PERIOD_PASSED,
    LAWSUIT_APPROVED,
    LAWSUIT_DECLINED,
    LAWSUIT_FILED,
    COLLECTED_IN_COURT,
    COURT_CASE_LOST,
    WRITTEN_OFF,
    PAYMENT_RECEIVED,
    PAID,
    PAID_NOTICE_SENT,
    CANCELLED,
    /** The client's new owner took the case over from its sales manager. */
    OWNER_CHANGED,
    OWNER_CHANGE_NOTICE_SENT,
    /** A person other than the one the regulation gives a task to made themselves its assignee. */
    TASK_TAKEN_OVER,
    CLIENT_REMINDER_SENT,
    FINAL_WARNING_SENT,
    PRESSURE_STEP_SKIPPED,
    OWNER_REMINDER_DONE,
    CALL_MADE,
    REMINDER_BLOCK_SET,
    REMINDER_BLOCK_LIFTED,
    /** During the claim month the sales manager reminded the client of the claim (the hand on the pulse). */
    CLAIM_REMINDER_DONE,
    /** A claim-month reminder was not given: reminders to the client were blocked when its time came. */
    CLAIM_REMINDER_SKIPPED,
    /** The pressure scale stopped because the case left negotiation (went to legal or ended). */
    PRESSURE_SCALE_STOPPED
}
