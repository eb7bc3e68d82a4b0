package dev.collectflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The facts of an invoice as the ERP or finance registers them; two registrations are the same invoice when these match. */
public record InvoiceData(
        String number,
        String clientId,
        BigDecimal amount,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate) {

    /** Equal facts, comparing amounts by value (100 = 100.00). */
    public boolean sameAs(InvoiceData other) {
        return number.equals(other.number)
                && clientId.equals(other.clientId)
                && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency)
                && issueDate.equals(other.issueDate)
                && dueDate.equals(other.dueDate);
    }
}
