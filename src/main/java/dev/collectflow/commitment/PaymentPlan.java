package dev.collectflow.commitment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** Instalments agreed with the client that add up to what was open when the plan was agreed ({@code total}). */
@Entity
public class PaymentPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceNumber;
    private BigDecimal total;
    private String agreedBy;
    private Instant agreedAt;

    protected PaymentPlan() {
    }

    PaymentPlan(String invoiceNumber, BigDecimal total, String agreedBy, Instant agreedAt) {
        this.invoiceNumber = invoiceNumber;
        this.total = total;
        this.agreedBy = agreedBy;
        this.agreedAt = agreedAt;
    }

    public Long getId() { return id; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public BigDecimal getTotal() { return total; }
    public String getAgreedBy() { return agreedBy; }
    public Instant getAgreedAt() { return agreedAt; }
}
