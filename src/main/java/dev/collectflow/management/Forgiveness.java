package dev.collectflow.management;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** Overdue time management forgave a key client on one invoice: how long, who decided, why. */
@Entity
public class Forgiveness {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String clientId;
    private String invoiceNumber;
    private int days;
    private String decidedBy;
    private String reason;
    private Instant decidedAt;

    protected Forgiveness() {
    }

    Forgiveness(String clientId, String invoiceNumber, int days, String decidedBy, String reason, Instant decidedAt) {
        this.clientId = clientId;
        this.invoiceNumber = invoiceNumber;
        this.days = days;
        this.decidedBy = decidedBy;
        this.reason = reason;
        this.decidedAt = decidedAt;
    }

    public String getClientId() { return clientId; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public int getDays() { return days; }
    public String getDecidedBy() { return decidedBy; }
    public String getReason() { return reason; }
    public Instant getDecidedAt() { return decidedAt; }
}
