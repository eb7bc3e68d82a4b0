package dev.collectflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment as reported; the payment id makes a repeated report recognisable. */
public record PaymentData(String paymentId, String invoiceNumber, BigDecimal amount, String currency, LocalDate paidOn) {

    boolean sameAs(PaymentData other) {
        return paymentId.equals(other.paymentId)
                && invoiceNumber.equals(other.invoiceNumber)
                && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency)
                && paidOn.equals(other.paidOn);
    }
}
