package dev.collectflow.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of a case's audit trail: who did what, when, and why. Never changed once written. */
@Entity
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceNumber;
    private Instant occurredAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    private CaseEventType type;
    private String detail;

    protected CaseEvent() {
    }

    CaseEvent(String invoiceNumber, Instant occurredAt, String actor, CaseEventType type, String detail) {
        this.invoiceNumber = invoiceNumber;
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS); // what the database keeps, so read back unchanged
        this.actor = actor;
        this.type = type;
        this.detail = detail;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public CaseEventType getType() { return type; }
    public String getDetail() { return detail; }
}
