package dev.collectflow.pressure;

/**
 * The pressure scale beside each case as code sees it: its key, the decision table it follows, element ids and
 * variable names. The business key of every instance is the invoice number, as for the case itself.
 */
public final class PressureScaleProcess {

    public static final String KEY = "PressureScaleProcess";
    public static final String RESOURCE = "bpmn/PressureScaleProcess.bpmn";
    /** The decision table (bpmn/PressureScale.dmn); its latest deployed version plans every next step. */
    public static final String DECISION = "PressureScale";

    private PressureScaleProcess() {
    }

    /** Element ids of bpmn/PressureScaleProcess.bpmn. */
    public static final class Activities {
        public static final String START_CASE_REGISTERED = "StartEvent_CaseRegistered";
        public static final String PLAN_NEXT_STEP = "Task_PlanNextStep";
        public static final String STEP_TIME_REACHED = "Event_StepTimeReached";
        public static final String CHECK_CASE = "Task_CheckCase";
        public static final String SEND_FRIENDLY_REMINDER = "Task_SendFriendlyReminder";
        public static final String SEND_FINAL_WARNING = "Task_SendFinalWarning";
        public static final String REMINDER_BESIDE = "Gateway_ReminderBeside";
        public static final String REMIND_OWNER = "Task_RemindOwner";
        public static final String END_REMINDER_DONE = "EndEvent_ReminderDone";
        public static final String REMINDER_CLIENT_BLOCKED = "BoundaryEvent_ReminderClientBlocked";
        public static final String END_REMINDER_WITHDRAWN = "EndEvent_ReminderWithdrawn";
        public static final String CALL_BESIDE = "Gateway_CallBeside";
        public static final String CALL_CLIENT = "Task_CallClient";
        public static final String END_CALL_DONE = "EndEvent_CallDone";
        public static final String CALL_CLIENT_BLOCKED = "BoundaryEvent_CallClientBlocked";
        public static final String END_CALL_WITHDRAWN = "EndEvent_CallWithdrawn";
        public static final String END_SCALE_COMPLETED = "EndEvent_ScaleCompleted";
        public static final String END_CASE_LEFT_NEGOTIATION = "EndEvent_CaseLeftNegotiation";
        public static final String START_CASE_SETTLED = "StartEvent_CaseSettled";
        public static final String END_SCALE_STOPPED = "EndEvent_ScaleStopped";

        private Activities() {
        }
    }

    public static final class Messages {
        /** Correlated when the invoice is paid, the case goes to legal or ends: the scale ends at once, open tasks close. */
        public static final String STOP = "StopPressureScale";
        /** Correlated when reminders to the client are blocked: open reminder and call tasks close. */
        public static final String CLIENT_BLOCKED = "ClientRemindersBlocked";

        private Messages() {
        }
    }

    /** Process variables. Fields of the task forms carry the same names as the variables they set. */
    public static final class Variables {
        public static final String CLIENT_ID = "clientId";
        /** The step planned last (the one waited for or taken); absent before the first plan. */
        public static final String STEP = "pressureStep";
        public static final String STEP_AT = "pressureStepAt";
        public static final String MENTION_FORGIVEN_TIME = "mentionForgivenTime";
        /** Who the reminder or call task goes to: the client's owner when the step's time came. */
        public static final String STEP_OWNER = "pressureStepOwner";
        /** TAKE, SKIP or STOP: what the check found when the step's time came. */
        public static final String SITUATION = "pressureSituation";
        // the sales manager's call and reminder forms
        public static final String CALL_RESULT = "callResult";
        public static final String CALL_CONTACT = "callContact";
        public static final String CALL_AGREEMENT = "callAgreement";
        public static final String REMINDER_NOTE = "reminderNote";

        private Variables() {
        }
    }
}
