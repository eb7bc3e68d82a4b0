package dev.collectflow.kpi;

/**
 * What each KPI means, with its formula and rounding: answered with every report and repeated in README.
 * Invoices are attributed to the owner of their client at the end of the due date (ownership history) and to that
 * owner's team on that day; amounts are per currency; percentages are rounded half up to 2 decimals, days to 1.
 */
final class KpiDefinitions {

    static final String ON_TIME = "Invoices due in the period with something owed (owed = amount - justified dispute"
            + " reductions). paidOnTime: paid in full (payments and court collections reach the owed amount) on or"
            + " before the due date; paidLate: paid in full later; unpaid: not paid in full (yet). onTimeRateByCount"
            + " = paidOnTime / invoices x 100. onTimeRateByAmount = sum of min(paid by the due date, owed) / sum of"
            + " owed x 100. paidWithinNegotiationRate = paidWithinNegotiation / (invoices - paidOnTime) x 100, where"
            + " paid within negotiation = paid in full after the due date, at most the negotiation period later"
            + " (collectflow.negotiation.count: calendar days, or working days of the business calendar) and before"
            + " the case was handed to legal. averageDaysLate = sum of (day paid in full - due date) /"
            + " paidLate.";
    static final String COLLECTED = "Money that lowered open amounts on days in the period, by the stage the case was"
            + " in that day: beforeDue (on or before the due date), negotiation (after it, before legal), claim (from"
            + " the day the case was handed to legal), court (from the day the claim period passed or a lawsuit was"
            + " decided or filed, and every court collection). collected = the sum of the four; writtenOff and reduced"
            + " (justified disputes) are not collected.";
    static final String AGING = "Open amounts at the end of asOf of invoices issued by then, by days past due (asOf -"
            + " due date): current (0 or less), 1-30, 31-60, 61-90, over 90. Open at a day = amount - everything that"
            + " lowered it up to that day. total = the sum of the buckets, to the cent.";
    static final String DSO = "Days sales outstanding = receivablesAtEnd / sales x days, rounded to 1 decimal, where"
            + " receivablesAtEnd = open at the end of the period (as in aging), sales = amounts of invoices issued in"
            + " the period, days = days in the period.";
    static final String CEI = "Collection effectiveness index = (receivablesAtStart + sales - receivablesAtEnd) /"
            + " (receivablesAtStart + sales - currentAtEnd) x 100, where receivablesAtStart = open at the end of the"
            + " day before the period, sales = invoiced in the period, receivablesAtEnd = open at the end of the"
            + " period, currentAtEnd = of that, not yet due.";
    static final String LOYALTY = "Clients with a collection case (an invoice still open after its due date) closed"
            + " in the period; clientsInvoicedAgain: of those, clients with an invoice issued within windowDays after"
            + " such a closing (collectflow.kpi.loyalty-window). loyaltyRate = clientsInvoicedAgain /"
            + " clientsWithClosedCase x 100. A case closed less than windowDays ago may still count later.";
    static final String STAGE_TIMES = "For invoices due in the period, the days each spent in a stage (up to today"
            + " while it is still there): NOT_DUE from issue to due date, NEGOTIATION from the day after the due date"
            + " to legal or closing, CLAIM from legal to court or closing, COURT from court to closing. averageDays ="
            + " sum of days / cases that reached the stage.";
    static final String STAGES_NOW = "Invoices open today by the stage of their case: NOT_DUE, NEGOTIATION (due date"
            + " passed), CLAIM (handed to legal), COURT; with their open amounts.";
    static final String TREND = "Per month of the due date: the on-time figures (as on-time) of invoices due that"
            + " month; collected and writtenOff: money movements dated in that month (as collected).";

    static final String PROMISES = "Promises to pay and payment-plan instalments whose date (the promised date, the"
            + " instalment's date) lies in the period, once graded: kept = paid in full by the date plus the tolerance"
            + " (a payment larger than an instalment counts for the next ones), partlyKept = something paid by then,"
            + " not all, broken = nothing paid by then. keptRate = kept / graded x 100. Rows per kind (PROMISE,"
            + " INSTALMENT) and per manager (default), team, client or company, attributed like invoices.";

    private KpiDefinitions() {
    }
}
