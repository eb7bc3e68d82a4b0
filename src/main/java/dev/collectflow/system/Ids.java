package dev.collectflow.system;

/** Patterns of the identifiers the API accepts: letters, digits and . _ - (no spaces), starting with a letter or digit. */
public final class Ids {

    public static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** No "/": the number is a path segment of /api/invoices/{number}. */
    public static final String INVOICE_NUMBER = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    public static final String PAYMENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String MESSAGE = "must be letters, digits and . _ - only, starting with a letter or digit";

    private Ids() {
    }
}
