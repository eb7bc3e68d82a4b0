package dev.collectflow.collection;

import java.util.Set;

/**
 * The collection process as code sees it: its key, the ids of its elements and the names of its variables.
 * The business key of every instance is the invoice number.
 */
public final class InvoiceCollectionProcess {

    public static final String KEY = "InvoiceCollectionProcess";
    public static final String RESOURCE = "bpmn/InvoiceCollectionProcess.bpmn";

    private InvoiceCollectionProcess() {
    }

    /** Element ids of bpmn/InvoiceCollectionProcess.bpmn. */
    public static final class Activities {
        public static final String START_INVOICE_REGISTERED = "StartEvent_InvoiceRegistered";
        public static final String DUE_DATE_PASSED = "Event_DueDatePassed";
        public static final String CONFIRM_OPEN_AMOUNT = "Task_ConfirmOpenAmount";
        public static final String ASSIGN_CLIENT_OWNER = "Task_AssignClientOwner";
        public static final String CLIENT_OWNER_ASSIGNED = "BoundaryEvent_ClientOwnerAssigned";
        public static final String NOTIFY_OVERDUE = "Task_NotifyOverdue";
        public static final String DECIDE_KEY_CLIENT_EXCEPTION = "Task_DecideKeyClientException";
        public static final String FORGIVENESS_PERIOD_OVER = "Event_ForgivenessPeriodOver";
        public static final String NEGOTIATE_PAYMENT = "Task_NegotiatePayment";
        public static final String NEGOTIATION_PERIOD_PASSED = "BoundaryEvent_NegotiationPeriodPassed";
        public static final String PROMISED_DATE_PASSED = "Event_PromisedDatePassed";
        public static final String GRADE_PROMISE = "Task_GradePromise";
        public static final String INSTALMENT_DATE_PASSED = "Event_InstalmentDatePassed";
        public static final String CHECK_INSTALMENTS = "Task_CheckInstalments";
        public static final String RESOLVE_DISPUTE = "Task_ResolveDispute";
        public static final String CORRECT_INVOICE_AMOUNT = "Task_CorrectInvoiceAmount";
        public static final String END_INVOICE_CANCELLED = "EndEvent_InvoiceCancelled";
        public static final String HAND_OVER_TO_LEGAL = "Task_HandOverToLegal";
        public static final String SEND_CLAIM = "Task_SendClaim";
        public static final String CLAIM_MONTH_STARTS = "StartEvent_ClaimMonthStarts";
        public static final String CLAIM_PERIOD_PASSED = "Event_ClaimPeriodPassed";
        public static final String END_CLAIM_MONTH_OVER = "EndEvent_ClaimMonthOver";
        public static final String CLAIM_PULSE_DUE = "StartEvent_ClaimPulseDue";
        public static final String CHECK_CLAIM_PULSE = "Task_CheckClaimPulse";
        public static final String END_CLAIM_PULSE_SKIPPED = "EndEvent_ClaimPulseSkipped";
        public static final String REMIND_CLIENT_OF_CLAIM = "Task_RemindClientOfClaim";
        public static final String END_CLIENT_REMINDED_OF_CLAIM = "EndEvent_ClientRemindedOfClaim";
        public static final String CLAIM_REMINDER_CLIENT_BLOCKED = "BoundaryEvent_ClaimReminderClientBlocked";
        public static final String END_CLAIM_REMINDER_WITHDRAWN = "EndEvent_ClaimReminderWithdrawn";
        public static final String REPORT_CLAIM_PERIOD_PASSED = "Task_ReportClaimPeriodPassed";
        public static final String APPROVE_LAWSUIT = "Task_ApproveLawsuit";
        public static final String FILE_LAWSUIT = "Task_FileLawsuit";
        public static final String RECORD_COURT_OUTCOME = "Task_RecordCourtOutcome";
        public static final String CLOSE_AS_COLLECTED = "Task_CloseAsCollected";
        public static final String END_COLLECTED_IN_COURT = "EndEvent_CollectedInCourt";
        public static final String WRITE_OFF = "Task_WriteOff";
        public static final String END_WRITTEN_OFF = "EndEvent_WrittenOff";
        public static final String START_INVOICE_PAID = "StartEvent_InvoicePaid";
        public static final String NOTIFY_INVOICE_PAID = "Task_NotifyInvoicePaid";
        public static final String END_INVOICE_PAID = "EndEvent_InvoicePaid";
        public static final String START_CLIENT_OWNER_CHANGED = "StartEvent_ClientOwnerChanged";
        public static final String HAND_OVER_TO_NEW_OWNER = "Task_HandOverToNewOwner";
        public static final String TELL_NEW_OWNER = "Task_TellNewOwner";
        public static final String END_CASE_HANDED_OVER = "EndEvent_CaseHandedOver";

        private Activities() {
        }
    }

    /**
     * The user tasks the model gives the case's sales manager ({@code camunda:assignee="${salesManager}"}): open ones
     * follow the client's new owner.
     */
    public static final Set<String> SALES_MANAGERS_TASKS =
            Set.of(Activities.NEGOTIATE_PAYMENT, Activities.REMIND_CLIENT_OF_CLAIM);

    /** Sub-processes whose instances code addresses. */
    public static final class Scopes {
        /** The claim month: the client's time to pay, with the owner's reminders beside it. */
        public static final String CLAIM_MONTH = "SubProcess_ClaimMonth";

        private Scopes() {
        }
    }

    public static final class Messages {
        /** Correlated when payments have paid the invoice in full; ends the case wherever it is. */
        public static final String INVOICE_PAID = "InvoicePaid";
        /** Correlated when a client without owner got one elsewhere: its waiting owner assignment is moot. */
        public static final String CLIENT_OWNER_ASSIGNED = "ClientOwnerAssigned";
        /** Correlated when a client's owner changed: the case follows the new owner. */
        public static final String CLIENT_OWNER_CHANGED = "ClientOwnerChanged";
        /** Correlated when reminders to the client are blocked: the claim month's open reminders are withdrawn. */
        public static final String CLIENT_REMINDERS_BLOCKED = "ClientRemindersBlocked";

        private Messages() {
        }
    }

    /** Process variables. Fields of the task forms carry the same names as the variables they set. */
    public static final class Variables {
        // set when the case starts and when it becomes overdue; the case follows the client's owner
        public static final String CLIENT_ID = "clientId";
        public static final String OVERDUE_FROM = "overdueFrom";
        public static final String SALES_MANAGER = "salesManager";
        // local to "client's owner changed": who changed the owner, whom the case came from
        public static final String OWNER_CHANGED_BY = "ownerChangedBy";
        public static final String PREVIOUS_SALES_MANAGER = "previousSalesManager";
        // management: key-client exception and lawsuit approval
        public static final String KEY_CLIENT_DECISION = "keyClientDecision";
        public static final String FORGIVEN_DAYS = "forgivenDays";
        public static final String KEY_CLIENT_REASON = "keyClientReason";
        public static final String LAWSUIT_DECISION = "lawsuitDecision";
        public static final String LAWSUIT_REASON = "lawsuitReason";
        // sales: negotiation
        public static final String NEGOTIATION_DEADLINE = "negotiationDeadline";
        // what a dispute left of the negotiation: the time (calendar days) or the working days (working days)
        public static final String NEGOTIATION_TIME_LEFT = "negotiationTimeLeft";
        public static final String NEGOTIATION_WORKING_DAYS_LEFT = "negotiationWorkingDaysLeft";
        public static final String NEGOTIATION_OUTCOME = "negotiationOutcome";
        public static final String PROMISED_DATE = "promisedDate";
        public static final String PROMISE_CHECK_AT = "promiseCheckAt";
        public static final String DISPUTE_REASON = "disputeReason";
        // a payment plan: one instalment a line, "yyyy-MM-dd amount"; the flag says whether every instalment due so far was kept
        public static final String PAYMENT_PLAN = "paymentPlan";
        public static final String INSTALMENTS_KEPT = "instalmentsKept";
        public static final String NEGOTIATION_NOTE = "negotiationNote";
        // finance: dispute
        public static final String DISPUTE_DECISION = "disputeDecision";
        public static final String AMOUNT_OWED = "amountOwed";
        public static final String RESOLUTION_NOTE = "resolutionNote";
        public static final String AMOUNT_LEFT = "amountLeft";
        // set on the flows into the escalation and write-off joins: why the case took that way
        public static final String ESCALATION_REASON = "escalationReason";
        public static final String WRITE_OFF_REASON = "writeOffReason";
        // legal: claim and court
        public static final String LAWYER = "lawyer";
        public static final String CLAIM_NUMBER = "claimNumber";
        public static final String CLAIM_SENT_ON = "claimSentOn";
        public static final String CLAIM_DEADLINE = "claimDeadline";
        // sales, during the claim month: the hand on the pulse
        public static final String CLAIM_PULSE_NOTE = "claimPulseNote";
        // local to one reminder's turn: whether a reminder block on the client holds, so no reminder is given
        public static final String CLAIM_PULSE_BLOCKED = "claimPulseBlocked";
        public static final String COURT_CASE_NUMBER = "courtCaseNumber";
        public static final String LAWSUIT_FILED_ON = "lawsuitFiledOn";
        public static final String COURT_OUTCOME = "courtOutcome";
        public static final String COURT_NOTE = "courtNote";

        private Variables() {
        }
    }
}
