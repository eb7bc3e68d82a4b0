package dev.collectflow.collection;

import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.system.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a person needs to know about a case to act on it: shown in task forms, mails and the case view. */
public record CaseFacts(
        String invoiceNumber,
        String clientId,
        String clientName,
        String clientEmail,
        boolean keyClient,
        String owner,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        long daysOverdue,
        InvoiceStatus status,
        boolean handedToLegal) {

    public String amountText() {
        return Money.format(amount, currency);
    }

    public String openAmountText() {
        return Money.format(openAmount, currency);
    }

    /** "INV-2031, Acme Ltd" */
    public String title() {
        return invoiceNumber + ", " + clientName;
    }
}
