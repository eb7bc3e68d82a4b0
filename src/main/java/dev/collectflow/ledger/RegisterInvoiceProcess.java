package dev.collectflow.ledger;

/**
 * The small process behind Tasklist's "Register invoice" start form (bpmn/RegisterInvoiceProcess.bpmn): finance
 * enters an invoice, the service step registers it exactly as {@code POST /api/invoices} does, and the invoice's
 * collection case starts. Its key, element ids and variable names.
 */
public final class RegisterInvoiceProcess {

    public static final String KEY = "RegisterInvoiceProcess";

    private RegisterInvoiceProcess() {
    }

    public static final class Activities {
        public static final String START_INVOICE_ENTERED = "StartEvent_InvoiceEntered";
        public static final String REGISTER_INVOICE = "Task_RegisterInvoice";
        public static final String END_INVOICE_REGISTERED = "EndEvent_InvoiceRegistered";
        public static final String END_ALREADY_REGISTERED = "EndEvent_InvoiceAlreadyRegistered";

        private Activities() {
        }
    }

    /** The start form's fields are named as these variables. */
    public static final class Variables {
        public static final String NUMBER = "number";
        public static final String CLIENT_ID = "clientId";
        public static final String AMOUNT = "amount";
        public static final String CURRENCY = "currency";
        public static final String ISSUE_DATE = "issueDate";
        public static final String DUE_DATE = "dueDate";
        /** Who started the process (camunda:initiator). */
        public static final String REGISTERED_BY = "registeredBy";
        /** Set by the service step: the same invoice was registered before, nothing new was started. */
        public static final String ALREADY_REGISTERED = "alreadyRegistered";

        private Variables() {
        }
    }
}
