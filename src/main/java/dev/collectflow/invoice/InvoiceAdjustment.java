package dev.collectflow.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A change of an invoice's open amount that is not a payment, with the day it took effect. Never changed. */
@Entity
public class InvoiceAdjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceNumber;
    @Enumerated(EnumType.STRING)
    private AdjustmentKind kind;
    private BigDecimal amount;
    private LocalDate onDate;
    private Instant recordedAt;

    protected InvoiceAdjustment() {
    }

    InvoiceAdjustment(String invoiceNumber, AdjustmentKind kind, BigDecimal amount, LocalDate onDate, Instant recordedAt) {
        this.invoiceNumber = invoiceNumber;
        this.kind = kind;
        this.amount = amount;
        this.onDate = onDate;
        this.recordedAt = recordedAt;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public AdjustmentKind getKind() { return kind; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getOnDate() { return onDate; }
}
