package dev.collectflow.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** Finance's finding on a disputed invoice: who decided, why, and for a justified dispute what the client owes. */
@Entity
public class DisputeResolution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceNumber;
    @Enumerated(EnumType.STRING)
    private DisputeDecision decision;
    private BigDecimal amountOwed;
    private String note;
    private String decidedBy;
    private Instant decidedAt;

    protected DisputeResolution() {
    }

    DisputeResolution(String invoiceNumber, DisputeDecision decision, BigDecimal amountOwed, String note,
                      String decidedBy, Instant decidedAt) {
        this.invoiceNumber = invoiceNumber;
        this.decision = decision;
        this.amountOwed = amountOwed;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public DisputeDecision getDecision() { return decision; }
    public BigDecimal getAmountOwed() { return amountOwed; }
    public String getNote() { return note; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
