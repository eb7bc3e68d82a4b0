package dev.collectflow.ledger;

import java.util.Map;

/**
 * How to read a ledger export as it is: which header names hold which field, the date format, the decimal separator,
 * the delimiter and the charset; whether the lines are open invoices (each starts its case) or settled history.
 * Everything is optional: by default the header names are the field names, dates are yyyy-MM-dd, the decimal
 * separator is "." and the file is UTF-8 with commas.
 *
 * @param columns         field → header name; fields: number, clientId, clientName, amount, currency, issueDate,
 *                        dueDate, and for history settledDate, settledAmount, disputed
 * @param currency        the currency of every line when the file has no currency column
 * @param createClients   create a client (no owner) for an unknown client id instead of rejecting the line
 */
public record ImportMapping(
        String mode,
        Map<String, String> columns,
        String dateFormat,
        String decimalSeparator,
        String groupingSeparator,
        String delimiter,
        String charset,
        String currency,
        Boolean createClients) {

    public static ImportMapping defaults() {
        return new ImportMapping(null, null, null, null, null, null, null, null, null);
    }
}
