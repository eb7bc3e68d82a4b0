package dev.collectflow.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment as the bank or ERP reported it. Kept whether or not its invoice is known. */
@Entity
public class Payment {

    @Id
    private String paymentId;
    private String invoiceNumber;
    private BigDecimal amount;
    private String currency;
    private LocalDate paidOn;
    private Instant receivedAt;
    /** False while no registered invoice carries the number the payment names. */
    private boolean matched;
    @Enumerated(EnumType.STRING)
    private PaymentSource source;

    protected Payment() {
    }

    Payment(PaymentData data, Instant receivedAt, PaymentSource source) {
        this.source = source;
        this.paymentId = data.paymentId();
        this.invoiceNumber = data.invoiceNumber();
        this.amount = data.amount();
        this.currency = data.currency();
        this.paidOn = data.paidOn();
        this.receivedAt = receivedAt;
    }

    PaymentData data() {
        return new PaymentData(paymentId, invoiceNumber, amount, currency, paidOn);
    }

    void markMatched() {
        this.matched = true;
    }

    public String getPaymentId() { return paymentId; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public LocalDate getPaidOn() { return paidOn; }
    public Instant getReceivedAt() { return receivedAt; }
    public boolean isMatched() { return matched; }
    public PaymentSource getSource() { return source; }
}
